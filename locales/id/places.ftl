# Memilih desa dari daftar: ketik beberapa huruf, lalu pilih tombolnya.

place-village = { $village } — { $district }, { $regency }
place-village-choose = Pilih desa Anda:
place-village-many = Ada { $total } desa yang cocok dengan «{ $typed }». Bila desa Anda belum terlihat, ketik juga kecamatan atau kabupatennya, misalnya «Kenanga Indramayu».
place-village-not-found = Desa «{ $typed }» tidak ditemukan. Periksa ejaannya lalu ketik lagi, atau tekan «🗺️ Pilih kabupaten/kota».
place-village-retry = Ketik lagi nama desa Anda (beberapa huruf saja cukup), atau tekan «🗺️ Pilih kabupaten/kota».
place-button-not-listed = 🔎 Tidak ada di sini
place-button-by-regency = 🗺️ Pilih kabupaten/kota
place-ask-regency = Ketik nama kabupaten atau kota Anda, misalnya «Indramayu».
place-regency-choose = Pilih kabupaten/kota Anda:
place-regency-not-found = Kabupaten/kota «{ $typed }» tidak ditemukan. Periksa ejaannya lalu ketik lagi.
place-regency = 🗺️ { $regency }
place-district-choose = Pilih kecamatan di { $regency }:
place-district = { $district }
place-button-other-regency = 🗺️ Kabupaten/kota lain
place-village-in-district = Pilih desa di Kecamatan { $district }:
place-village-in-list = { $village }
place-page = Halaman { $page } dari { $pages }.
place-button-previous = ⬅️ Sebelumnya
place-button-next = Berikutnya ➡️
place-button-other-district = ↩️ Kecamatan lain

## Desa penanya, sebelum pertanyaan atau permintaan bergabung koperasi
asker-village-ask =
    🏡 Anda dari desa mana? Ketik beberapa huruf nama desa Anda, misalnya: kenanga.
    Dengan begitu, petugas desa Anda yang menerima pesan Anda.
    Tidak mau menyebut desa? Tekan «Lewati».
asker-village-skip = ⏭ Lewati
asker-village-type-it = Mohon ketik nama desa Anda, atau tekan «Lewati».
place-area-country = seluruh Indonesia
place-area-regency = { $regency }
place-area-code = wilayah kode { $code }
