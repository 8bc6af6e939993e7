-- Sends a dead job back to the stream with a fresh count of attempts; 0 when it is not dead (or is
-- a malformed entry, which cannot run).
-- KEYS: dead, stream, unique, job
-- ARGV: job id
local job = redis.call('HMGET', KEYS[4], 'task', 'payload', 'unique', 'malformed', 'state')
if job[5] ~= 'dead' or job[4] == '1' then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
if job[3] and job[3] ~= '' and redis.call('HSETNX', KEYS[3], job[3], ARGV[1]) == 0
    and redis.call('HGET', KEYS[3], job[3]) ~= ARGV[1] then
  redis.call('HSET', KEYS[4], 'unique', '')
end
local sid = redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'task', job[1], 'attempt', 1, 'payload', job[2], 'v', 1)
redis.call('HSET', KEYS[4], 'state', 'waiting', 'attempt', 1, 'sid', sid)
redis.call('HDEL', KEYS[4], 'due')
return 1
