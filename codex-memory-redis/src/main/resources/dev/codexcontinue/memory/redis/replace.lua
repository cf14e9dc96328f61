-- Replaces a session's entries atomically without losing what other writers appended meanwhile.
-- KEYS[1] the session list; ARGV[1] the header; ARGV[2] the TTL in ms; ARGV[3] n, the number of
-- ids the caller has seen; ARGV[4 .. 3+n] those ids; ARGV[4+n ..] the new entries ("id json").
-- An entry in the list that the caller never saw and did not write is another writer's: it is kept,
-- after the new entries, in its original order. Entries the caller saw and left out are dropped.
-- n = -1: the caller has seen nothing it can name, and its entries replace everything.
local seen = {}
local n = tonumber(ARGV[3])
local everything = n < 0
if everything then
  n = 0
end
for i = 4, 3 + n do
  seen[ARGV[i]] = true
end
local function id(entry)
  return string.match(entry, '^(%S+) ')
end
for i = 4 + n, #ARGV do
  seen[id(ARGV[i])] = true
end
local kept = {}
local current = redis.call('LRANGE', KEYS[1], 1, -1)
for _, entry in ipairs(current) do
  local entryId = id(entry)
  if not everything and (entryId == nil or not seen[entryId]) then
    kept[#kept + 1] = entry
  end
end
redis.call('DEL', KEYS[1])
redis.call('RPUSH', KEYS[1], ARGV[1])
for i = 4 + n, #ARGV, 500 do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV)))
end
for i = 1, #kept, 500 do
  redis.call('RPUSH', KEYS[1], unpack(kept, i, math.min(i + 499, #kept)))
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return #kept
