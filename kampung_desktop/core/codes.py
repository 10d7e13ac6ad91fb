"""Answer codes for the household register, from the Regsosek/DTSEN questionnaire (Blok IV).

Codes are stored; labels are shown. Each list maps code → (Bahasa Indonesia, English).
"""

from __future__ import annotations

CodeList = dict[str, tuple[str, str]]

SEX: CodeList = {"L": ("Laki-laki", "Male"), "P": ("Perempuan", "Female")}

# 409 Hubungan dengan kepala keluarga
RELATIONSHIP: CodeList = {
    "1": ("Kepala keluarga", "Head of family"),
    "2": ("Istri/suami", "Wife/husband"),
    "3": ("Anak", "Child"),
    "4": ("Menantu", "Child-in-law"),
    "5": ("Cucu", "Grandchild"),
    "6": ("Orang tua/mertua", "Parent/parent-in-law"),
    "7": ("Pembantu/sopir", "Domestic worker/driver"),
    "8": ("Lainnya", "Other"),
}
HEAD = "1"

# 408 Status kawin
MARITAL_STATUS: CodeList = {
    "1": ("Belum kawin", "Never married"),
    "2": ("Kawin", "Married"),
    "3": ("Cerai hidup", "Divorced"),
    "4": ("Cerai mati", "Widowed"),
}

# 413 Jenjang pendidikan tertinggi
EDUCATION: CodeList = {
    "1": ("Paket A", "Paket A (primary equivalency)"),
    "2": ("SDLB", "Special-needs primary"),
    "3": ("SD", "Primary school"),
    "4": ("MI", "Islamic primary"),
    "5": ("SPM/PDF Ula", "Pesantren primary"),
    "6": ("Paket B", "Paket B (junior equivalency)"),
    "7": ("SMPLB", "Special-needs junior secondary"),
    "8": ("SMP", "Junior secondary"),
    "9": ("MTs", "Islamic junior secondary"),
    "10": ("SPM/PDF Wustha", "Pesantren junior secondary"),
    "11": ("Paket C", "Paket C (senior equivalency)"),
    "12": ("SMLB", "Special-needs senior secondary"),
    "13": ("SMA", "Senior secondary"),
    "14": ("MA", "Islamic senior secondary"),
    "15": ("SMK", "Vocational secondary"),
    "16": ("MAK", "Islamic vocational secondary"),
    "17": ("SPM/PDF Ulya", "Pesantren senior secondary"),
    "18": ("D1/D2/D3", "Diploma 1–3"),
    "19": ("D4/S1", "Diploma 4/Bachelor"),
    "20": ("Profesi", "Professional"),
    "21": ("S2", "Master"),
    "22": ("S3", "Doctorate"),
    "23": ("Tidak punya ijazah SD", "No primary certificate"),
}

# 417 Lapangan usaha (KBLI-based); "0" for not working, an app addition
OCCUPATION: CodeList = {
    "0": ("Tidak bekerja", "Not working"),
    "1": ("Pertanian padi & palawija", "Rice and secondary crops"),
    "2": ("Hortikultura", "Horticulture"),
    "3": ("Perkebunan", "Plantation"),
    "4": ("Perikanan", "Fishery"),
    "5": ("Peternakan", "Livestock"),
    "6": ("Kehutanan & pertanian lain", "Forestry and other farming"),
    "7": ("Pertambangan", "Mining"),
    "8": ("Industri pengolahan", "Manufacturing"),
    "9": ("Listrik/gas", "Electricity/gas"),
    "10": ("Air, limbah & daur ulang", "Water, waste and recycling"),
    "11": ("Konstruksi", "Construction"),
    "12": ("Perdagangan & reparasi kendaraan", "Trade and vehicle repair"),
    "13": ("Angkutan & pergudangan", "Transport and storage"),
    "14": ("Akomodasi & makan minum", "Accommodation and food"),
    "15": ("Informasi & komunikasi", "Information and communication"),
    "16": ("Keuangan & asuransi", "Finance and insurance"),
    "17": ("Real estate", "Real estate"),
    "18": ("Jasa profesional", "Professional services"),
    "19": ("Persewaan & jasa penunjang", "Rental and support services"),
    "20": ("Administrasi pemerintahan", "Public administration"),
    "21": ("Pendidikan", "Education"),
    "22": ("Kesehatan & kegiatan sosial", "Health and social work"),
    "23": ("Kesenian & rekreasi", "Arts and recreation"),
    "24": ("Jasa lainnya", "Other services"),
    "25": ("Rumah tangga sebagai pemberi kerja", "Households as employers"),
    "26": ("Badan internasional", "International bodies"),
}

HOUSEHOLD_STATUS: CodeList = {
    "aktif": ("Aktif", "Active"),
    "pindah": ("Pindah", "Moved away"),
    "bubar": ("Bubar", "Dissolved"),
}


def label(codes: CodeList, code: str | None, lang: str = "id") -> str:
    if code is None or code not in codes:
        return code or ""
    return codes[code][0 if lang == "id" else 1]
