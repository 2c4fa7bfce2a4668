-- Included by explain.sql with :tbl, a copy of pg_stat_statements after one measured part
-- (see FeedbackBench.statementStatistics): each statement's share of the database time, calls and
-- time per request.
select round((total_exec_time / sum(total_exec_time) over () * 100)::numeric, 1) as "% time",
       round(calls::numeric / requests, 2) as "calls/request",
       round((total_exec_time / calls)::numeric, 3) as "ms/call",
       round(rows::numeric / calls, 1) as "rows/call",
       left(regexp_replace(query, '\s+', ' ', 'g'), 150) as query
from bench.:"tbl"
where query not like '%pg_stat_statements%' and query not like '%pg_extension%'
order by total_exec_time desc
limit 25;
select round(sum(calls)::numeric / max(requests), 1) as "statements per request (with BEGIN)",
       round((sum(total_exec_time) / max(requests))::numeric, 2) as "database ms per request"
from bench.:"tbl"
where query not like '%pg_stat_statements%' and query not like '%pg_extension%';
