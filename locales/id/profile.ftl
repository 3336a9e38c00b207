# Profil, data saya, dan penghapusan data.

profile-card-returnee =
    👤 { $role }
    Nama: { $name }
    Telepon: { $phone }
    Desa: { $village }, { $district }
    Negara terakhir: { $country }
    Lama bekerja: { $years } tahun
    Bidang kerja: { $sector }
    Minat: { $interests }
profile-card-family =
    👤 { $role }
    Nama: { $name }
    Telepon: { $phone }
    Desa: { $village }, { $district }
    Hubungan: { $relation }
    Pekerja migran: { $where }, { $country }
    Minat: { $interests }
profile-card-prospective =
    👤 { $role }
    Nama: { $name }
    Telepon: { $phone }
    Desa: { $village }, { $district }
    Negara tujuan: { $country }
    Minat: { $interests }
profile-none = (belum ada)
profile-title = Profil Anda:
profile-updated = ✅ Perubahan tersimpan. Profil Anda sekarang:
profile-not-registered = Anda belum terdaftar. Daftar hanya perlu sekitar satu menit.
profile-button-register = 📝 Daftar sekarang
profile-button-my-data = 📄 Data saya
profile-button-delete = 🗑 Hapus data saya

language-name-id = Bahasa Indonesia
language-name-en = English
mydata-intro =
    Inilah semua yang tersimpan tentang Anda:
    ID Telegram: { $id }
    Bahasa: { $language }
    Pertama kali menghubungi bot: { $since }
mydata-no-profile = Anda belum terdaftar, jadi tidak ada profil yang tersimpan.
mydata-consent = Persetujuan (versi { $version }) diberikan { $at }.
mydata-file = Semua data ini juga dikirim sebagai berkas di bawah.
mydata-caption = Data Anda di layanan Desmigratif (JSON).

privacy-delete-confirm =
    Yakin ingin menghapus semua data Anda? Profil, pendaftaran pelatihan, pertanyaan, dan pesan yang belum terkirim tentang Anda akan dihapus dan tidak bisa dikembalikan. Pesan tentang Anda yang sudah ada di chat petugas diganti dengan tulisan «dihapus», sejauh Telegram mengizinkan. Salinan cadangan (backup) masih menyimpan data Anda paling lama 14 hari.
privacy-delete-yes = 🗑 Ya, hapus semuanya
privacy-delete-no = ↩️ Tidak, simpan data saya
privacy-deleted = Semua data Anda sudah dihapus dari bot. Salinan cadangan terhapus dengan sendirinya dalam 14 hari. Terima kasih telah memakai layanan Desmigratif. Anda bisa kembali kapan saja.
privacy-erased-notice = 🗑 [Dihapus atas permintaan yang bersangkutan]
language-in-text-id = bahasa Indonesia
language-in-text-en = bahasa Inggris
