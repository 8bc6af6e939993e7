-- Cancels the job holding a unique key. A job not yet taken is removed; a taken (running) one is
-- flagged, its handler sees it and the job is not retried. Returns 1 when a job held the key.
-- KEYS: unique, stream, delayed
-- ARGV: unique key, job key prefix, group, parked key prefix
local id = redis.call('HGET', KEYS[1], ARGV[1])
if not id then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
local key = ARGV[2] .. id
local job = redis.call('HMGET', key, 'state', 'sid', 'task')
if job[1] == 'waiting' and job[2] then
  local taken = redis.call('XPENDING', KEYS[2], ARGV[3], job[2], job[2], 1)
  if #taken > 0 then
    redis.call('HSET', key, 'cancel', 1)
    return 1
  end
  redis.call('XDEL', KEYS[2], job[2])
elseif job[1] == 'delayed' then
  redis.call('ZREM', KEYS[3], id)
elseif job[1] == 'parked' then
  redis.call('ZREM', ARGV[4] .. job[3], id)
end
redis.call('DEL', key)
return 1
