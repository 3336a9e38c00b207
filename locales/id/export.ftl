# Berkas CSV untuk petugas (/ekspor): judul kolom dan isi, dibaca di Excel atau LibreOffice.

export-column-user_id = Nomor akun Telegram
export-column-role = Peran
export-column-full_name = Nama lengkap
export-column-phone = Nomor HP
export-column-village = Desa
export-column-district = Kabupaten/kota
export-column-country = Negara penempatan atau tujuan
export-column-years_abroad = Lama di luar negeri (tahun)
export-column-sector = Bidang kerja
export-column-relation = Hubungan dengan PMI
export-column-worker_abroad = PMI saat ini
export-column-interests = Minat
export-column-language = Bahasa
export-column-status = Status
export-column-registered_at = Terdaftar pada
export-column-id = No.
export-column-booked = Peserta
export-column-waiting = Antre
export-column-training_id = No. pelatihan
export-column-training = Pelatihan
export-column-starts_at = Mulai
export-column-signup_status = Kursi
export-column-position = Urutan tunggu
export-column-signed_up_at = Tanggal ikut

export-role-returnee = Purna PMI
export-role-family = Keluarga PMI
export-role-prospective = Calon PMI

export-status-active = aktif
export-status-blocked = memblokir bot

training-signup-booked = dapat kursi
training-signup-waiting = antre
