// Entry of a report-drawing worker thread (render-pool.ts). Plain JavaScript because a worker
// does not inherit the TypeScript loader that `bin/mogna.js` registers in the main thread: it
// registers tsx itself, then loads the task.
import { register } from 'tsx/esm/api';

register();
const { drawReport } = await import('./render-worker-task.ts');

export default drawReport;
