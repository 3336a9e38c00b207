-- The console's people search within an area: by the start of a name or a village's name
-- (any letter case; the village already has its index), or by the whole phone number.
CREATE INDEX profiles_by_name ON profiles (full_name COLLATE NOCASE);
CREATE INDEX profiles_by_phone ON profiles (phone);
