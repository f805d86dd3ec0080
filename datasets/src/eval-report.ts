// Runs in Node. Formats an evaluation report as a table for people or JSON lines for scripts.
import type { EvalRow, EvaluationReport } from '@filmfold/model';

const METRICS = ['RMSE', 'MAE', 'NDCG@10', 'Recall@20', 'HR@10', 'Coverage@10'] as const;

/** One JSON object per row: model, task, the EVAL.md metric names, times, chosen params. */
export function reportJsonLines(report: EvaluationReport): string[] {
  return allRows(report).map((row) =>
    JSON.stringify({
      model: row.model,
      task: row.task,
      ...row.metrics,
      fitMs: round(row.fitMs, 3),
      scoreMs: round(row.scoreMs, 4),
      params: row.params,
    }),
  );
}

/** A Markdown table with a header that states the split sizes, for the eval docs and notes. */
export function reportTable(report: EvaluationReport, source: string): string {
  const { rating, ranking } = report;
  const lines = [
    `Evaluation protocol v1 (../shared/EVAL.md) on ${source}`,
    `${report.ratings} ratings, ${report.users} users, ${report.items} items`,
    `Task A: train ${rating.trainSize} / test ${rating.testSize}`,
    `Task B: train ${ranking.trainSize} / test ${ranking.testSize}; ${ranking.usersEvaluated} users evaluated over ${ranking.candidateItems} candidate items`,
    '',
    `| model | task | ${METRICS.join(' | ')} | fit ms | score ms/user | params |`,
    `| --- | --- | ${METRICS.map(() => '---:').join(' | ')} | ---: | ---: | --- |`,
  ];
  for (const row of allRows(report)) {
    const metrics = row.metrics as Partial<Record<(typeof METRICS)[number], number>>;
    const cells = METRICS.map((m) => (metrics[m] === undefined ? '' : metrics[m].toFixed(4)));
    const params = Object.entries(row.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    lines.push(
      `| ${row.model} | ${row.task} | ${cells.join(' | ')} | ${row.fitMs.toFixed(1)} | ${row.scoreMs.toFixed(3)} | ${params} |`,
    );
  }
  return lines.join('\n');
}

function allRows(report: EvaluationReport): EvalRow[] {
  return [...report.rating.rows, ...report.ranking.rows];
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
