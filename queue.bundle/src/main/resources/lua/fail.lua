-- Records a failed run: retry after a delay (0 = at once), or dead-letter.
-- Returns 0 when the run was stale, 2 when the job had been cancelled (it is dropped), 1 otherwise.
-- KEYS: stream, delayed, dead, unique, job
-- ARGV: group, stream id, job id, attempt, 'retry' or 'dead', delay ms, error
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local job = redis.call('HMGET', KEYS[5], 'attempt', 'sid', 'unique', 'cancel', 'task', 'payload')
if job[1] ~= ARGV[4] or job[2] ~= ARGV[2] then return 0 end
local function release_unique()
  if job[3] and job[3] ~= '' and redis.call('HGET', KEYS[4], job[3]) == ARGV[3] then
    redis.call('HDEL', KEYS[4], job[3])
  end
end
if job[4] == '1' then
  release_unique()
  redis.call('DEL', KEYS[5])
  return 2
end
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('HSET', KEYS[5], 'error', ARGV[7], 'failed', now)
redis.call('HDEL', KEYS[5], 'sid')
if ARGV[5] == 'dead' then
  release_unique()
  redis.call('HSET', KEYS[5], 'state', 'dead', 'due', now)
  redis.call('ZADD', KEYS[3], now, ARGV[3])
  return 1
end
local attempt = tonumber(job[1]) + 1
local delay = tonumber(ARGV[6])
if delay > 0 then
  redis.call('HSET', KEYS[5], 'state', 'delayed', 'attempt', attempt, 'due', now + delay)
  redis.call('ZADD', KEYS[2], now + delay, ARGV[3])
else
  local sid = redis.call('XADD', KEYS[1], '*', 'id', ARGV[3], 'task', job[5], 'attempt', attempt, 'payload', job[6], 'v', 1)
  redis.call('HSET', KEYS[5], 'state', 'waiting', 'attempt', attempt, 'sid', sid)
end
return 1
