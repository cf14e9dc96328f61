-- Appends entries to a session list atomically and refreshes its idle time-to-live.
-- KEYS[1] the session list; ARGV[1] the header element; ARGV[2] the TTL in ms; ARGV[3..] entries.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('RPUSH', KEYS[1], ARGV[1])
end
for i = 3, #ARGV, 500 do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV)))
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('LLEN', KEYS[1]) - 1
