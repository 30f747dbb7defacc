-- wrk script (bench/stories.py): every request asks for words and a page no request before
-- it asked for, as a visitor who varies the words does, so no cache can answer it. The words
-- are the URL's own with their ASCII letters in another mix of capitals (the same search for
-- the site, another cache key), and the page is one of the first PAGES.
local PAGES = 250
local counter = 0

local function recase(word, pattern)
  local bit = 0
  return (word:gsub("%a", function(letter)
    bit = bit + 1
    if math.floor(pattern / 2 ^ (bit - 1)) % 2 == 1 then
      return letter:upper()
    end
    return letter:lower()
  end))
end

request = function()
  counter = counter + 1
  local page = counter % PAGES + 1
  local pattern = math.floor(counter / PAGES)
  local path = wrk.path:gsub("q=([^&]*)", function(words)
    return "q=" .. recase(words, pattern)
  end)
  return wrk.format(nil, path .. "&page=" .. page)
end
