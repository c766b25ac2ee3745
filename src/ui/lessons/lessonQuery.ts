import { fieldOf } from '../../core/config/schema';
import { LESSONS } from './index';

/**
 * The query a page loads with: a URL that names a lesson and nothing about the run (only view
 * keys and the backend, e.g. `?lesson=3&lecture=1`) gets that lesson's setup in front, so a
 * typed or shared `?lesson=N` opens the lesson with its run. A URL that carries run keys is
 * taken as it is (it is a lesson's setup as it was left, or the student's own).
 */
export function withLessonSetup(search: string): string {
  const query = search.replace(/^\?/, '');
  const params = new URLSearchParams(query);
  const lesson = LESSONS[Number(params.get('lesson')) - 1];
  if (!lesson) return query;
  for (const key of params.keys()) {
    if (key !== 'backend' && fieldOf(key)?.group !== 'view') return query;
  }
  return `${lesson.setup}&${query}`;
}
