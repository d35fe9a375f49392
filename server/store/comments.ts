// Staff comments on an application (issue 5): kept as typed, with who and when. Never edited or
// deleted; a later comment corrects an earlier one.
import type { ApplicationComment } from '../../shared/api.ts';
import { type SqlExecutor, toIso } from './sql.ts';

interface CommentRow {
  id: unknown;
  body: string;
  author: string;
  created_at: unknown;
}

const fromRow = (r: CommentRow): ApplicationComment => ({
  id: String(r.id),
  text: r.body,
  author: r.author,
  at: toIso(r.created_at),
});

/** Oldest first, as a conversation reads. */
export async function listComments(sql: SqlExecutor, applicationId: string): Promise<ApplicationComment[]> {
  const { rows } = await sql.query<CommentRow>(
    `SELECT c.id, c.body, s.display_name AS author, c.created_at
     FROM application_comments c JOIN staff s ON s.id = c.staff_id
     WHERE c.application_id = $1 ORDER BY c.id`,
    [applicationId],
  );
  return rows.map(fromRow);
}

export async function insertComment(
  tx: SqlExecutor,
  applicationId: string,
  staffId: number,
  text: string,
  at: Date,
): Promise<ApplicationComment> {
  const { rows } = await tx.query<CommentRow>(
    `WITH c AS (
       INSERT INTO application_comments (application_id, staff_id, body, created_at)
       VALUES ($1, $2, $3, $4) RETURNING id, staff_id, body, created_at
     )
     SELECT c.id, c.body, s.display_name AS author, c.created_at FROM c JOIN staff s ON s.id = c.staff_id`,
    [applicationId, staffId, text, at.toISOString()],
  );
  const row = rows[0];
  if (!row) throw new Error('insertComment: no row returned');
  return fromRow(row);
}
