# Choosing a village from the list: type a few letters, then tap its button.

place-village = { $village } — { $district }, { $regency }
place-village-choose = Choose your village:
place-village-many = { $total } villages match «{ $typed }». If yours is not shown, type its district or regency too, for example «Kenanga Indramayu».
place-village-not-found = No village called «{ $typed }» was found. Check the spelling and type it again, or choose by regency or city.
place-village-retry = Type the name of your village again (a few letters are enough), or choose by regency or city.
place-button-not-listed = 🔎 Not listed here
place-button-by-regency = 🗺️ Choose by regency or city
place-ask-regency = Type the name of your regency (kabupaten) or city, for example «Indramayu».
place-regency-choose = Choose your regency or city:
place-regency-not-found = No regency or city called «{ $typed }» was found. Check the spelling and type it again.
place-regency = 🗺️ { $regency }
place-district-choose = Choose the district (kecamatan) in { $regency }:
place-district = { $district }
place-button-other-regency = 🗺️ Another regency or city
place-village-in-district = Choose your village in { $district } district:
place-village-in-list = { $village }
place-page = Page { $page } of { $pages }.
place-button-previous = ⬅️ Previous
place-button-next = Next ➡️
place-button-other-district = ↩️ Another district

## The asker's village, before a question or a cooperative application
asker-village-ask =
    🏡 Which village are you from? Type a few letters of its name, for example: kenanga.
    That way your own village's officer gets your message.
    Rather not say? Press «Skip».
asker-village-skip = ⏭ Skip
asker-village-type-it = Please type the name of your village, or press «Skip».
place-area-country = all of Indonesia
place-area-regency = { $regency }
place-area-code = the area with code { $code }
