--[==[ long
comment ]==]
local s = [[ -- not a comment
]]
-- line comment
print(s) -- trailing
