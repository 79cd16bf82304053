-- Guichet gateway: everything Redis decides about one call, in one atomic round trip.
-- KEYS[1] token state hash   guichet:token:{jti}
-- KEYS[2] group counter      guichet:rl:hab:{habilitation id}:{throttle key}
-- KEYS[3] habilitation cntr  guichet:rl:hab:{habilitation id}:habilitation
--         (quotas belong to the habilitation, whichever of its tokens carries the call)
-- KEYS[4] duplicate guard    guichet:dup:{digest}
-- ARGV[1] now (ms)  ARGV[2] group limit  ARGV[3] group period (ms)  ARGV[4] guard TTL (ms, 0 = none)
-- Returns one string, its fields joined by US (0x1F, which no field holds: JSON escapes it):
--   outcome, limit, remaining, reset_ms, retry_after_ms, then the state copy's ten fields
--   status, exp, scopes, allowed_ips, rate_limit_per_minute, habilitation_id, siret, api_kind,
--   periods, suspended
-- (periods: the habilitation's open periods per scope, JSON, '' = no restriction;
--  suspended: 'security_proof' or '', checked by the gateway per route, after this script),
-- or 'miss' alone when Redis holds no state copy.
-- outcome: ok | revoked | expired | limited | duplicate
-- One string rather than a fifteen-element array: Redis spent about 5 us of CPU per call encoding
-- the array's elements, and the state part, the same from call to call, lets the gateway reuse
-- what it parsed last time for this token (docs/benchmarks.md).
local SEP = '\31'
local now = tonumber(ARGV[1])
local t = redis.call('HMGET', KEYS[1], 'status', 'exp', 'scopes', 'allowed_ips',
    'rate_limit_per_minute', 'habilitation_id', 'siret', 'api_kind', 'periods', 'suspended')
if not t[1] then
  return 'miss'
end
local state = table.concat({t[1], t[2] or '', t[3] or '', t[4] or '', t[5] or '', t[6] or '', t[7] or '', t[8] or '',
    t[9] or '', t[10] or ''}, SEP)
local function reply(outcome, limit, remaining, reset, retry)
  return table.concat({outcome, string.format('%.0f', limit), string.format('%.0f', remaining),
      string.format('%.0f', reset), string.format('%.0f', retry), state}, SEP)
end
if t[1] ~= 'active' then
  return reply('revoked', 0, 0, now, 0)
end
-- The state copy's exp is the token's real end (a prolonged token's predecessor ends early).
local exp = tonumber(t[2])
if exp and exp > 0 and exp * 1000 <= now then
  return reply('expired', 0, 0, now, 0)
end

-- GCRA: each call pushes the theoretical arrival time (tat) by period/limit; a call is allowed
-- while tat stays within one period of now. Exact across replicas: the script runs atomically.
local limits = {}
local glimit = tonumber(ARGV[2])
if glimit and glimit > 0 then
  limits[#limits + 1] = {KEYS[2], glimit, tonumber(ARGV[3])}
end
local hlimit = tonumber(t[5])
if hlimit and hlimit > 0 then
  limits[#limits + 1] = {KEYS[3], hlimit, 60000}
end

local rejected = false
local retry = 0
local best_limit, best_remaining, best_reset = 0, -1, now
local new_tats = {}
for i, l in ipairs(limits) do
  local key, limit, period = l[1], l[2], l[3]
  if period <= 1000 then
    -- Sliding log for per-second quotas (API Particulier's 20 per second): at most `limit` calls in
    -- any window of `period`, which GCRA's refill between calls would exceed. Its own key (a sorted set).
    local log = key .. ':log'
    redis.call('ZREMRANGEBYSCORE', log, '-inf', string.format('%.0f', now - period))
    local count = redis.call('ZCARD', log)
    local oldest = redis.call('ZRANGE', log, 0, 0, 'WITHSCORES')
    local oldest_at = oldest[2] and tonumber(oldest[2]) or now
    if count >= limit then
      rejected = true
      local wait = oldest_at + period - now
      if wait > retry then
        retry = wait
        best_limit, best_remaining, best_reset = limit, 0, oldest_at + period
      end
    else
      local remaining = limit - count - 1
      if not rejected and (best_remaining < 0 or remaining < best_remaining) then
        best_limit, best_remaining, best_reset = limit, remaining, oldest_at + period
      end
    end
    new_tats[i] = {log, count, period}
  else
  local interval = period / limit
  local stored = redis.call('GET', key)
  local tat = stored and tonumber(stored) or now
  if tat < now then
    tat = now
  end
  local new_tat = tat + interval
  local allow_at = new_tat - period
  if now < allow_at then
    rejected = true
    if allow_at - now > retry then
      retry = allow_at - now
      best_limit, best_remaining, best_reset = limit, 0, allow_at
    end
  else
    local remaining = math.floor((now - allow_at) / interval)
    -- The strictest limit (fewest calls left) is the one reported in RateLimit-* headers.
    if not rejected and (best_remaining < 0 or remaining < best_remaining) then
      best_limit, best_remaining, best_reset = limit, remaining, new_tat
    end
  end
  new_tats[i] = new_tat
  end
end
if rejected then
  return reply('limited', best_limit, 0, best_reset, retry)
end

local guard_ttl = tonumber(ARGV[4])
if guard_ttl and guard_ttl > 0 then
  if not redis.call('SET', KEYS[4], tostring(now), 'NX', 'PX', guard_ttl) then
    return reply('duplicate', best_limit, math.max(best_remaining, 0), best_reset, 0)
  end
end

for i, l in ipairs(limits) do
  if type(new_tats[i]) == 'table' then
    local log, count, period = new_tats[i][1], new_tats[i][2], new_tats[i][3]
    redis.call('ZADD', log, string.format('%.0f', now), string.format('%.0f', now) .. ':' .. count)
    redis.call('PEXPIRE', log, string.format('%.0f', period + 1000))
  else
    local ttl = math.ceil(new_tats[i] - now) + 1000
    redis.call('SET', l[1], string.format('%.3f', new_tats[i]), 'PX', ttl)
  end
end
return reply('ok', best_limit, math.max(best_remaining, 0), best_reset, 0)
