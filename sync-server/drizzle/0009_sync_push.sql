-- A sync push in one round trip (services/sync.ts calls it): the whole batch applied, the
-- idempotency record written and the answer built in one statement, so that a push costs one
-- round trip to the database instead of seven. `changes` is a JSON array of the newest change per
-- cell ({kind, key, value, hlc}). Each statement inside sees what committed before it (READ
-- COMMITTED), so taking the user's lock first keeps the cursor order the commit order.
CREATE OR REPLACE FUNCTION filmfold_push(
  p_user text,
  p_device text,
  p_mutation text,
  p_changes jsonb,
  p_now timestamptz
) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
  v_applied bigint;
  v_cursor bigint;
  v_is_replay boolean := false;
  v_superseded jsonb;
BEGIN
  -- One push at a time per user, so that the cursor order is the commit order.
  PERFORM pg_advisory_xact_lock(hashtext(p_user));
  SELECT m.applied, m.cursor INTO v_applied, v_cursor
    FROM sync_mutations m
    WHERE m.user_id = p_user AND m.device_id = p_device AND m.mutation_id = p_mutation;
  IF FOUND THEN
    v_is_replay := true;
  ELSE
    WITH pushed AS (
      SELECT c.kind, c.key, c.value, c.hlc
        FROM jsonb_to_recordset(p_changes) AS c(kind text, key text, value jsonb, hlc text)
    ), won AS (
      INSERT INTO sync_cells (user_id, kind, key, value, hlc, seq)
        SELECT p_user, pushed.kind, pushed.key, pushed.value, pushed.hlc, nextval('sync_seq')
          FROM pushed
        ON CONFLICT (user_id, kind, key) DO UPDATE
          SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
          WHERE sync_cells.hlc COLLATE "C" < excluded.hlc COLLATE "C"
        RETURNING 1
    )
    SELECT count(*) INTO v_applied FROM won;
    SELECT coalesce(max(s.seq), 0) INTO v_cursor FROM sync_cells s WHERE s.user_id = p_user;
    INSERT INTO sync_mutations (user_id, device_id, mutation_id, applied, cursor, created_at)
      VALUES (p_user, p_device, p_mutation, v_applied, v_cursor, p_now);
  END IF;
  -- What the server holds newer than the push: the cells that did not take the pushed value.
  SELECT coalesce(
      jsonb_agg(jsonb_build_object('kind', s.kind, 'key', s.key, 'value', s.value, 'hlc', s.hlc)),
      '[]'::jsonb)
    INTO v_superseded
    FROM jsonb_to_recordset(p_changes) AS c(kind text, key text, value jsonb, hlc text)
    JOIN sync_cells s ON s.user_id = p_user AND s.kind = c.kind AND s.key = c.key
    WHERE s.hlc COLLATE "C" > c.hlc COLLATE "C";
  RETURN jsonb_build_object(
    'applied', v_applied,
    'isReplay', v_is_replay,
    'cursor', v_cursor,
    'superseded', v_superseded);
END;
$$;
