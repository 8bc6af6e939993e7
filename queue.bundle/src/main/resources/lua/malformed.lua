-- Dead-letters a stream entry that is not a readable job, keeping what it held.
-- KEYS: stream, dead, job (named after the entry)
-- ARGV: group, stream id, job id, raw fields, reason
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('HSET', KEYS[3], 'task', '?', 'payload', ARGV[4], 'attempt', 1, 'created', now, 'unique', '',
  'state', 'dead', 'error', ARGV[5], 'failed', now, 'due', now, 'malformed', 1)
redis.call('ZADD', KEYS[2], now, ARGV[3])
return 1
