-- Puts a taken job back at the end of the stream without counting an attempt (shutdown, pause).
-- KEYS: stream, job
-- ARGV: group, stream id, job id
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local job = redis.call('HMGET', KEYS[2], 'sid', 'task', 'payload', 'attempt', 'cancel')
if job[1] ~= ARGV[2] then return 0 end
if job[5] == '1' then
  redis.call('DEL', KEYS[2])
  return 2
end
local sid = redis.call('XADD', KEYS[1], '*', 'id', ARGV[3], 'task', job[2], 'attempt', job[4], 'payload', job[3], 'v', 1)
redis.call('HSET', KEYS[2], 'sid', sid, 'state', 'waiting')
return 1
