# Profil, data saya, dan penghapusan data.

profile-card-returnee =
    👤 { $role }
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }, { $district }
    Negara terakhir: { $country }
    Lama bekerja: { $years } tahun
    Bidang kerja: { $sector }
    Minat: { $interests }
profile-card-family =
    👤 { $role }
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }, { $district }
    Hubungan: { $relation }
    Pekerja migran: { $where }, { $country }
    Minat: { $interests }
profile-card-prospective =
    👤 { $role }
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }, { $district }
    Negara tujuan: { $country }
    Minat: { $interests }
profile-none = (belum ada)
profile-title = Profil Anda:
profile-updated = ✅ Perubahan tersimpan. Profil Anda sekarang:
profile-not-registered = Anda belum mendaftar. Mendaftar hanya perlu beberapa menit.
profile-registration-unfinished = Pendaftaran Anda belum selesai. Jawaban yang sudah Anda isi masih ada. Tekan «▶️ Lanjutkan pendaftaran» untuk meneruskan.
profile-button-continue = ▶️ Lanjutkan pendaftaran
profile-button-register = 📝 Daftar sekarang
profile-button-my-data = 📄 Data saya
profile-button-delete = 🗑 Hapus data saya

language-name-id = Bahasa Indonesia
language-name-en = English
mydata-intro =
    Inilah semua yang tersimpan tentang Anda:
    Nomor akun Telegram: { $id }
    Bahasa: { $language }
    Pertama kali menghubungi bot: { $since }
mydata-no-profile = Anda belum terdaftar, jadi tidak ada profil yang tersimpan.
mydata-consent-registration = ✔️ Anda setuju data Anda dipakai untuk pendaftaran di bot ini, pada { $at }.
mydata-consent-cooperative = ✔️ Anda setuju nama dan nomor HP Anda dipakai untuk bergabung dengan koperasi, pada { $at }.
mydata-questions =
    💬 Pertanyaan Anda kepada petugas ({ $count }). Isi lengkapnya ada di file di bawah.
    { $lines }
mydata-question = • no. { $number }, { $at }: { $status }
mydata-trainings =
    🎫 Pelatihan yang Anda ikuti:
    { $lines }
mydata-training = • { $title } ({ $time }): { $status }
mydata-application = 🤝 Permintaan bergabung koperasi no. { $number }: { $status }
mydata-more = …dan { $count } lagi. Semuanya ada di file di bawah.
mydata-step-in-progress = ⏸️ Ada langkah yang belum selesai (misalnya pendaftaran). Jawaban sementara Anda disimpan sampai langkah itu selesai, atau sampai Anda ketik /batal.
mydata-file = Saya juga mengirim semua data ini dalam satu file di bawah.
mydata-caption = Semua data Anda di Desmigratif (file JSON, bisa dibuka di komputer).

privacy-delete-confirm =
    Yakin ingin menghapus semua data Anda? Yang dihapus: profil, pelatihan yang Anda ikuti, pertanyaan, dan pesan yang belum terkirim. Data ini tidak bisa dikembalikan.
    Pesan tentang Anda di obrolan petugas diganti dengan tulisan «dihapus», sejauh Telegram mengizinkan. Salinan cadangan terhapus paling lama 14 hari kemudian.
privacy-delete-yes = 🗑 Ya, hapus semuanya
privacy-delete-no = ↩️ Tidak, simpan data saya
privacy-deleted = Semua data Anda sudah dihapus dari bot. Salinan cadangan terhapus dengan sendirinya dalam 14 hari. Terima kasih telah memakai layanan Desmigratif. Anda bisa kembali kapan saja.
privacy-erased-notice = 🗑 [Dihapus atas permintaan yang bersangkutan]
language-in-text-id = bahasa Indonesia
language-in-text-en = bahasa Inggris
