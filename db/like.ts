/** Text to be matched literally inside a LIKE pattern: its %, _ and \ escaped (PostgreSQL's default escape is \). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
