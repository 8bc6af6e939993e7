-- Moves parked jobs of a task back into the stream, at most ARGV[2]; returns how many.
-- KEYS: stream, parked (of the task)
-- ARGV: job key prefix, limit
local ids = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1)
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[2], id)
  local key = ARGV[1] .. id
  local job = redis.call('HMGET', key, 'task', 'payload', 'attempt')
  if job[1] then
    local sid = redis.call('XADD', KEYS[1], '*', 'id', id, 'task', job[1], 'attempt', job[3], 'payload', job[2], 'v', 1)
    redis.call('HSET', key, 'state', 'waiting', 'sid', sid)
  end
end
return #ids
