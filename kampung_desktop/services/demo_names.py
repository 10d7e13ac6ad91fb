"""Name and place lists for generated demo data (common in Banten, Jakarta and Java).

Only for `kampung demo seed`: every record made from them is marked demo.
"""

MALE = (
    "Agus Ahmad Andi Arif Asep Bambang Budi Dadang Dedi Deni Dimas Eko Fajar Fauzi Hadi Hendra "
    "Heru Ilham Imam Iwan Joko Kurniawan Lukman Muhammad Nanang Nur Rahmat Rizki Rudi Sigit "
    "Slamet Sugeng Supriyadi Taufik Teguh Udin Wahyu Yusuf Zaenal Hasan Ridwan Irfan Fikri "
    "Ujang Cecep Ade Aep Jajang Engkos Dodi Firman Gilang Haris Jaka Kevin Rafi Raka Bayu"
).split()
FEMALE = (
    "Ani Ayu Dewi Dian Eka Endang Fitri Indah Intan Kartika Lestari Lina Maya Mulyani Nia "
    "Nining Nur Putri Rina Rini Sari Siti Sri Tuti Wati Wulan Yanti Yuni Aisyah Nurul Ratna "
    "Ika Euis Neneng Iis Enok Cucu Imas Tati Aulia Nabila Salsabila Zahra Anisa Citra Dina "
    "Fitria Hana Laila Mega Novi Rahma Suci Yulia"
).split()
SECOND = (
    "Santoso Saputra Hidayat Setiawan Kusuma Pratama Wijaya Nugroho Permana Ramadhan Hakim "
    "Maulana Firmansyah Kurnia Lestari Rahayu Wulandari Safitri Anggraini Handayani Susanti "
    "Purnama Hermawan Gunawan Suryadi Sudrajat Rohman Sopian Rosita Marlina Nurhasanah "
    "Fadillah Syahputra Siregar Nasution Lubis Simanjuntak Manurung"
).split()
FEMALE_SECOND = {
    "Lestari",
    "Rahayu",
    "Wulandari",
    "Safitri",
    "Anggraini",
    "Handayani",
    "Susanti",
    "Rosita",
    "Marlina",
    "Nurhasanah",
}
BIRTH_PLACES = (
    ("Tangerang", 40),
    ("Jakarta", 18),
    ("Serang", 6),
    ("Bogor", 4),
    ("Bandung", 4),
    ("Lebak", 3),
    ("Pandeglang", 3),
    ("Cirebon", 3),
    ("Tegal", 3),
    ("Brebes", 3),
    ("Semarang", 2),
    ("Surabaya", 1),
    ("Lampung", 2),
    ("Medan", 2),
    ("Padang", 2),
    ("Jambi", 2),
    ("Palembang", 2),
)
STREETS = (
    "Melati Mawar Kenanga Flamboyan Cempaka Anggrek Dahlia Kamboja Nusa Indah Merpati "
    "Rajawali Kutilang Beringin Mangga Rambutan Jambu Sawo Nangka Durian Pahlawan Merdeka "
    "Gatot Subroto Sudirman Kartini Diponegoro Imam Bonjol Hasyim Ashari Raya Serang Masjid "
    "Al-Ikhlas Pinang Cemara Bambu Kuning Haji Umar Haji Mansyur Swadaya Gotong Royong"
).split()
