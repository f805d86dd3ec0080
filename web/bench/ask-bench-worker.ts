// Runs in a browser worker, bundled by ask-bench.ts: the Ask bench in Chromium's worker.
import { type BenchTurn, runAskBench } from './ask-bench-run';
import type { AskFilm } from '@filmfold/model/ask';

interface BenchInput {
  films: AskFilm[];
  conversations: BenchTurn[][];
  shown: number[];
}

const worker = self as unknown as {
  onmessage: (event: { data: BenchInput }) => void;
  postMessage: (message: unknown) => void;
};
worker.onmessage = ({ data }) =>
  worker.postMessage(runAskBench(data.films, data.conversations, data.shown));
