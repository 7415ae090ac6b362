/**
 * A driver for profiling the star engine outside vitest: scores the benchmark's answers in a loop.
 * Bundle and run it with a CPU profile:
 *   npx esbuild test/bench/profile-scoring.ts --bundle --platform=node --format=esm --tsconfig=tsconfig.json \
 *     --define:__DINGXING_VERSION__='"dev"' --external:better-sqlite3 --outfile=/tmp/profile-scoring.mjs
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/profile-scoring.mjs [count] [rounds]
 */
import { scoreAssessment } from '../../electron/main/scoring/index';
import { benchAssessedOn, benchHistory, benchUnit, generateAnswers, loadShippedStarPack } from './scoring-inputs';

const count = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const loaded = loadShippedStarPack();
const assessments = generateAnswers(count);
let stars = 0;
for (let round = 0; round < rounds; round += 1) {
  const start = process.hrtime.bigint();
  for (const answers of assessments) stars += scoreAssessment(loaded, { unit: benchUnit, answers, history: benchHistory, assessedOn: benchAssessedOn }).awardedStars;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`round ${round + 1}: ${ms.toFixed(1)} ms, ${Math.round(count / (ms / 1000)).toLocaleString('en-US')} assessments/s`);
}
console.log(`stars ${stars}`);
