-- Acknowledges a job whose handler returned, and forgets it (a short record stays in the completed list).
-- Returns 0 when the run was stale (the job was meanwhile taken as lost, retried or cancelled).
-- KEYS: stream, unique, job, completed list, completed counter
-- ARGV: group, stream id, job id, attempt, record
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local job = redis.call('HMGET', KEYS[3], 'attempt', 'sid', 'unique')
if job[1] ~= ARGV[4] or job[2] ~= ARGV[2] then return 0 end
if job[3] and job[3] ~= '' and redis.call('HGET', KEYS[2], job[3]) == ARGV[3] then
  redis.call('HDEL', KEYS[2], job[3])
end
redis.call('DEL', KEYS[3])
redis.call('INCR', KEYS[5])
redis.call('LPUSH', KEYS[4], ARGV[5])
redis.call('LTRIM', KEYS[4], 0, 999)
return 1
