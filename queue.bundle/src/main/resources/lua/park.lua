-- Sets aside a job whose task has no handler on the worker that took it.
-- KEYS: stream, parked (of the task), parked tasks, job
-- ARGV: group, stream id, job id, task
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('HGET', KEYS[4], 'sid') ~= ARGV[2] then return 0 end
local t = redis.call('TIME')
redis.call('HSET', KEYS[4], 'state', 'parked')
redis.call('HDEL', KEYS[4], 'sid')
redis.call('ZADD', KEYS[2], t[1] * 1000 + math.floor(t[2] / 1000), ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
return 1
