// Runs in browser, worker and Node. The versioned binary snapshot format:
//   0  "FFSN"               magic
//   4  u32                  format version
//   8  32 bytes             SHA-256 of every byte from offset 40 to the end
//  40  u32 n, n bytes       header: UTF-8 JSON (metadata and the section table)
//  ..  sections             4-byte aligned matrices, each float32, float16 or int8 with row scales
import { sha256 } from '@oslojs/crypto/sha2';
import { z } from 'zod';
import type { StarParams } from '../recommender/biased-mf';
import type { ImplicitParams } from '../recommender/implicit-als';
import {
  decodeMatrix,
  encodedBytes,
  encodeMatrix,
  type Quantization,
  QUANTIZATIONS,
} from './quantize';
import { type Snapshot, SNAPSHOT_FORMAT_VERSION, SnapshotError } from './snapshot';

const MAGIC = [0x46, 0x46, 0x53, 0x4e]; // "FFSN"
const HASH_AT = 8;
const PAYLOAD_AT = 40;

// TextEncoder/TextDecoder exist in browsers, workers and Node; model/ has no DOM types.
const text = globalThis as unknown as {
  TextEncoder: new () => { encode(input: string): Uint8Array };
  TextDecoder: new (
    label: string,
    options: { fatal: boolean },
  ) => { decode(input: Uint8Array): string };
};

const sectionSchema = z.object({
  name: z.string(),
  encoding: z.enum([...QUANTIZATIONS, 'int32', 'uint32']),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
type Section = z.infer<typeof sectionSchema>;

const numberRecord = z.record(z.string(), z.number());
const headerSchema = z.object({
  createdAt: z.string(),
  quantization: z.enum(QUANTIZATIONS),
  implicitParams: numberRecord,
  stars: z
    .object({
      params: numberRecord,
      globalMean: z.number(),
      blend: z.object({ stars: z.number(), implicit: z.number(), offset: z.number() }).nullable(),
    })
    .nullable(),
  content: z
    .object({ vocabulary: z.array(z.string()), idf: z.array(z.number()), k: z.number().int() })
    .nullable(),
  training: z.object({
    source: z.string(),
    ratings: z.number(),
    users: z.number(),
    items: z.number(),
    trainMs: z.number(),
  }),
  sections: z.array(sectionSchema),
});
type Header = z.infer<typeof headerSchema>;

interface PlannedSection {
  section: Section;
  bytes: number;
  write(view: DataView, offset: number): void;
}

function matrix(
  name: string,
  values: Float32Array,
  rows: number,
  cols: number,
  encoding: Quantization,
): PlannedSection {
  return {
    section: { name, encoding, rows, cols, offset: 0 },
    bytes: encodedBytes(rows, cols, encoding),
    write: (view, offset) => encodeMatrix(values, rows, cols, encoding, view, offset),
  };
}

function integers(name: string, values: Int32Array | Uint32Array): PlannedSection {
  const encoding = values instanceof Int32Array ? 'int32' : 'uint32';
  return {
    section: { name, encoding, rows: values.length, cols: 1, offset: 0 },
    bytes: values.length * 4,
    write: (view, offset) => {
      for (let i = 0; i < values.length; i++) {
        if (encoding === 'int32') view.setInt32(offset + 4 * i, values[i]!, true);
        else view.setUint32(offset + 4 * i, values[i]!, true);
      }
    },
  };
}

const align4 = (n: number) => (n + 3) & ~3;

/**
 * Encodes a snapshot; factor matrices are stored in `quantization`, biases and the content map
 * in float32. The SHA-256 in the preamble covers everything after it.
 */
export function encodeSnapshot(snapshot: Snapshot, quantization: Quantization): Uint8Array {
  const n = snapshot.movieIds.length;
  const ki = snapshot.implicit.params.factors;
  const planned: PlannedSection[] = [
    integers('movieIds', snapshot.movieIds),
    integers('itemCounts', snapshot.itemCounts),
    matrix('implicitFactors', snapshot.implicit.factors, n, ki, quantization),
  ];
  if (snapshot.stars) {
    planned.push(
      matrix('starFactors', snapshot.stars.factors, n, snapshot.stars.params.factors, quantization),
    );
    planned.push(matrix('starBias', snapshot.stars.itemBias, n, 1, 'float32'));
  }
  if (snapshot.content) {
    const { map, vocabulary, k } = snapshot.content;
    planned.push(matrix('contentMap', map, vocabulary.length, k, 'float32'));
  }
  const header: Header = {
    createdAt: snapshot.createdAt,
    quantization,
    implicitParams: snapshot.implicit.params,
    stars: snapshot.stars
      ? {
          params: snapshot.stars.params,
          globalMean: snapshot.stars.globalMean,
          blend: snapshot.stars.blend,
        }
      : null,
    content: snapshot.content
      ? {
          vocabulary: snapshot.content.vocabulary,
          idf: Array.from(snapshot.content.idf),
          k: snapshot.content.k,
        }
      : null,
    training: snapshot.training,
    sections: [],
  };
  // Section offsets depend on the header's length, which depends on the offsets' digits: lay the
  // header out with placeholder offsets of the final width, then fill them in.
  let headerBytes = new text.TextEncoder().encode(JSON.stringify(header));
  for (let attempt = 0; attempt < 3; attempt++) {
    let offset = align4(PAYLOAD_AT + 4 + headerBytes.length);
    header.sections = planned.map(({ section, bytes }) => {
      const placed = { ...section, offset };
      offset = align4(offset + bytes);
      return placed;
    });
    const next = new text.TextEncoder().encode(JSON.stringify(header));
    const stable = next.length === headerBytes.length;
    headerBytes = next;
    if (stable) break;
  }
  const last = header.sections.at(-1)!;
  const total = align4(last.offset + planned.at(-1)!.bytes);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(4, SNAPSHOT_FORMAT_VERSION, true);
  view.setUint32(PAYLOAD_AT, headerBytes.length, true);
  bytes.set(headerBytes, PAYLOAD_AT + 4);
  planned.forEach(({ write }, i) => write(view, header.sections[i]!.offset));
  bytes.set(sha256(bytes.subarray(PAYLOAD_AT)), HASH_AT);
  return bytes;
}

/**
 * Decodes and verifies a snapshot. Throws a SnapshotError that says what is wrong: not a
 * snapshot, a format version this code does not read, a checksum mismatch, or a malformed layout.
 * `isDigestChecked`: the caller has already checked the bytes' SHA-256 against the digest it was
 * published with (a device does, with the platform's native hashing, some 80 ms faster at 62,000
 * films than this file's JavaScript SHA-256); the embedded checksum is then not computed again.
 */
export function decodeSnapshot(
  bytes: Uint8Array,
  { isDigestChecked = false }: { isDigestChecked?: boolean } = {},
): Snapshot {
  if (bytes.length < PAYLOAD_AT + 4 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new SnapshotError('This file is not a Filmfold model snapshot.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== SNAPSHOT_FORMAT_VERSION) {
    throw new SnapshotError(
      `This model snapshot has format version ${version}; this version of Filmfold reads version ${SNAPSHOT_FORMAT_VERSION}. ${
        version > SNAPSHOT_FORMAT_VERSION
          ? 'Update the app.'
          : 'The server needs to publish a newer snapshot.'
      }`,
    );
  }
  const expected = bytes.subarray(HASH_AT, PAYLOAD_AT);
  const actual = isDigestChecked ? expected : sha256(bytes.subarray(PAYLOAD_AT));
  if (actual.some((b, i) => b !== expected[i])) {
    throw new SnapshotError(
      'This model snapshot is damaged: its SHA-256 checksum does not match its contents.',
    );
  }
  const header = readHeader(bytes, view);
  const section = (name: string) => {
    const found = header.sections.find((s) => s.name === name);
    if (!found) throw new SnapshotError(`This model snapshot has no ${name} section.`);
    const size =
      found.encoding === 'int32' || found.encoding === 'uint32'
        ? found.rows * 4
        : encodedBytes(found.rows, found.cols, found.encoding);
    if (found.offset + size > bytes.length)
      throw new SnapshotError(`The ${name} section runs past the end of the snapshot.`);
    return found;
  };
  const ints = (name: string) => {
    const s = section(name);
    const out = s.encoding === 'int32' ? new Int32Array(s.rows) : new Uint32Array(s.rows);
    for (let i = 0; i < s.rows; i++)
      out[i] =
        s.encoding === 'int32'
          ? view.getInt32(s.offset + 4 * i, true)
          : view.getUint32(s.offset + 4 * i, true);
    return out;
  };
  const floats = (name: string) => {
    const s = section(name);
    if (s.encoding === 'int32' || s.encoding === 'uint32')
      throw new SnapshotError(`The ${name} section is not a float matrix.`);
    return decodeMatrix(view, s.offset, s.rows, s.cols, s.encoding);
  };
  const movieIds = ints('movieIds') as Int32Array;
  const contentMap = header.content ? floats('contentMap') : null;
  return {
    createdAt: header.createdAt,
    movieIds,
    itemCounts: ints('itemCounts') as Uint32Array,
    implicit: {
      params: header.implicitParams as ImplicitParams,
      factors: floats('implicitFactors'),
    },
    stars: header.stars
      ? {
          params: header.stars.params as StarParams,
          globalMean: header.stars.globalMean,
          blend: header.stars.blend,
          itemBias: floats('starBias'),
          factors: floats('starFactors'),
        }
      : null,
    content:
      header.content && contentMap
        ? {
            vocabulary: header.content.vocabulary,
            idf: Float32Array.from(header.content.idf),
            k: header.content.k,
            map: contentMap,
          }
        : null,
    training: header.training,
  };
}

function readHeader(bytes: Uint8Array, view: DataView): Header {
  const length = view.getUint32(PAYLOAD_AT, true);
  if (PAYLOAD_AT + 4 + length > bytes.length)
    throw new SnapshotError('The snapshot header runs past the end of the file.');
  let json: unknown;
  try {
    json = JSON.parse(
      new text.TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(PAYLOAD_AT + 4, PAYLOAD_AT + 4 + length),
      ),
    );
  } catch {
    throw new SnapshotError('The snapshot header is not valid JSON.');
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(`The snapshot header is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
