-- Adds a job, unless its unique key is taken (then returns the holder's id).
-- KEYS: stream, delayed, unique, job
-- ARGV: id, task, payload, unique key ('' for none), delay ms
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
if ARGV[4] ~= '' then
  local holder = redis.call('HGET', KEYS[3], ARGV[4])
  if holder then return holder end
  redis.call('HSET', KEYS[3], ARGV[4], ARGV[1])
end
redis.call('HSET', KEYS[4], 'task', ARGV[2], 'payload', ARGV[3], 'attempt', 1, 'created', now, 'unique', ARGV[4])
local delay = tonumber(ARGV[5])
if delay > 0 then
  redis.call('HSET', KEYS[4], 'state', 'delayed', 'due', now + delay)
  redis.call('ZADD', KEYS[2], now + delay, ARGV[1])
else
  local sid = redis.call('XADD', KEYS[1], '*', 'id', ARGV[1], 'task', ARGV[2], 'attempt', 1, 'payload', ARGV[3], 'v', 1)
  redis.call('HSET', KEYS[4], 'state', 'waiting', 'sid', sid)
end
return ARGV[1]
