-- Where a practice's clients should turn in a crisis, one "name: what to do" per line. Empty means
-- the default for the practice's jurisdiction (9-8-8 and 911 in Canada and the United States).
alter table practice add column crisis_lines text;
