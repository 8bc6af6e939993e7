-- Moves due delayed jobs into the stream, at most ARGV[2] of them.
-- Returns {moved, due time of the next delayed job or -1}.
-- KEYS: stream, delayed
-- ARGV: job key prefix, limit
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[2], id)
  local key = ARGV[1] .. id
  local job = redis.call('HMGET', key, 'task', 'payload', 'attempt')
  if job[1] then
    local sid = redis.call('XADD', KEYS[1], '*', 'id', id, 'task', job[1], 'attempt', job[3], 'payload', job[2], 'v', 1)
    redis.call('HSET', key, 'state', 'waiting', 'sid', sid)
    redis.call('HDEL', key, 'due')
  end
end
local next = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
return {#due, tonumber(next[2] or -1)}
