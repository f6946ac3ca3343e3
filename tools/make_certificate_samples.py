"""Generate the sample results table of samples/certificates/ (.xlsx and .csv), round 2 of 2026, Hà Tĩnh.

Sample data, not a transcription: real local specialities and the communes codes of QĐ 19/2025/QĐ-TTg
(as in samples/decisions/), invented owners and scores; nine rows are deliberately bad (see BAD).
Run: .venv/bin/python tools/make_certificate_samples.py
"""
import csv
import datetime
import io
from pathlib import Path
from openpyxl import Workbook
from openpyxl.styles import Font, Alignment

OUT = Path(__file__).resolve().parent.parent / "ocop_docs" / "samples" / "certificates"
CODES = {"Sơn Kim 1": "18196", "Phúc Trạch": "18547", "Thiên Cầm": "18676", "Kỳ Xuân": "18766", "Vũ Quang": "18313",
         "Sơn Tây": "18172", "Sơn Hồng": "18160", "Lộc Hà": "18568", "Đức Thọ": "18229", "Nghi Xuân": "18352",
         "Hà Linh": "18502", "Tùng Lộc": "18418"}
G = {
 "tuoi": "Rau, củ, quả, hạt tươi", "mat": "Mật ong, mật khác và nông sản thực phẩm khác", "mam": "Tương, nước mắm, gia vị dạng lỏng khác",
 "thit": "Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác",
 "che": "Chè tươi, chè chế biến", "gao": "Gạo, ngũ cốc, hạt sơ chế khác", "ruou": "Rượu trắng", "tinhdau": "Tinh dầu và dược liệu khác",
 "banh": "Chế biến từ gạo, ngũ cốc", "tcmn": "Thủ công mỹ nghệ", "dulich": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
 "caycanh": "Cây cảnh", "hoa": "Hoa", "tpcn": "Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền", "tra": "Sản phẩm trà từ thực vật khác",
 "nuoc": "Nước khoáng thiên nhiên, nước uống đóng chai", "rau": "Chế biến từ rau, củ, quả, hạt", "giavi": "Gia vị khác (muối, hành, tỏi, tiêu)",
 "tuoisong": "Thịt, thủy sản, trứng, sữa tươi", "mypham": "Mỹ phẩm có thành phần từ dược liệu", "vai": "Vải, may mặc",
}
# name, owner, thôn, xã, group, score, stars as written, form
ROWS = [
 ("Cam Vũ Quang", "Hợp tác xã Cam Vũ Quang", "thôn 3", "Vũ Quang", "tuoi", 78.25, 4, "mới"),
 ("Bưởi đỏ Phúc Trạch", "Hộ kinh doanh Lê Văn Tâm", "thôn 6", "Phúc Trạch", "tuoi", 66.5, 3, "mới"),
 ("Mật ong bạc hà rừng Sơn Kim", "Hợp tác xã Ong mật Sơn Kim", "thôn Hà Tân", "Sơn Kim 1", "mat", 71.5, 4, "nâng hạng"),
 ("Nước mắm ruốc Thiên Cầm", "Hợp tác xã Chế biến hải sản Thiên Cầm", "thôn Nam Hải", "Thiên Cầm", "mam", 62.75, 3, "mới"),
 ("Mực khô Kỳ Xuân", "Hộ kinh doanh Phan Thị Lan", "thôn Tân Phú", "Kỳ Xuân", "thit", 69, 3, "mới"),
 ("Chè búp khô Sơn Hồng", "Hợp tác xã Chè Sơn Hồng", "thôn Hồng Tiến", "Sơn Hồng", "che", 57, 3, "mới"),
 ("Tôm nõn Lộc Hà", "Hợp tác xã Thủy sản Lộc Hà", "thôn Xuân Hải", "Lộc Hà", "thit", 73, 4, "nâng hạng"),
 ("Gạo nếp cái hoa vàng Đức Thọ", "Hợp tác xã Nông nghiệp hữu cơ Đức Thọ", "thôn Trung Hòa", "Đức Thọ", "gao", 64, 3, "mới"),
 ("Rượu chuối hột Nghi Xuân", "Hộ kinh doanh Đặng Văn Hùng", "thôn Hồng Lam", "Nghi Xuân", "ruou", 52.5, 3, "mới"),
 ("Tinh dầu sả chanh Hà Linh", "Công ty TNHH Tinh dầu Hà Linh", "thôn Trung Hà", "Hà Linh", "tinhdau", 61.25, 3, "mới"),
 ("Bánh đa nem Tùng Lộc", "Hợp tác xã Bánh đa Tùng Lộc", "thôn Trung Thiên", "Tùng Lộc", "banh", 58.75, 3, "mới"),
 ("Nón lá Tùng Lộc", "Tổ hợp tác Nón lá Trung Thiên", "thôn Trung Thiên", "Tùng Lộc", "tcmn", 55, 3, "mới"),
 ("Điểm du lịch sinh thái Thác Vũ Môn", "Hợp tác xã Du lịch cộng đồng Sơn Kim", "thôn Khe Máng", "Sơn Kim 1", "dulich", 70.5, 4, "mới"),
 ("Bonsai sanh cổ Đức Thọ", "Hộ kinh doanh Nguyễn Văn Lực", "thôn Yên Hòa", "Đức Thọ", "caycanh", 56, 3, "mới"),
 ("Hoa cúc vàng Đức Thọ", "Tổ hợp tác Hoa cây cảnh Trung Hòa", "thôn Trung Hòa", "Đức Thọ", "hoa", 52, 3, "mới"),
 ("Nhung hươu ngâm mật ong Sơn Tây", "Công ty TNHH Hươu sao Sơn Tây", "thôn Trung Lưu", "Sơn Tây", "tpcn", 75.5, 4, "mới"),
 ("Trà túi lọc lá sen Đức Thọ", "Hợp tác xã Sen Đức Thọ", "thôn Tân Hòa", "Đức Thọ", "tra", 60.5, 3, "mới"),
 ("Nước uống đóng chai Nguồn Sơn Kim", "Công ty Cổ phần Nước suối Sơn Kim", "thôn Khe Máng", "Sơn Kim 1", "nuoc", 63, 3, "mới"),
 ("Kẹo lạc Thiên Cầm", "Hộ kinh doanh Võ Thị Hương", "thôn Bắc Hải", "Thiên Cầm", "rau", 59.25, 3, "mới"),
 ("Bánh gai Thiên Cầm", "Hợp tác xã Bánh truyền thống Thiên Cầm", "thôn Nam Hải", "Thiên Cầm", "banh", 54.5, 3, "mới"),
 ("Tương nếp Phúc Trạch", "Hộ kinh doanh Hoàng Thị Mai", "thôn 4", "Phúc Trạch", "mam", 57.75, 3, "đánh giá lại"),
 ("Muối ớt xanh Kỳ Xuân", "Hợp tác xã Muối Kỳ Xuân", "thôn Tân Phú", "Kỳ Xuân", "giavi", 53, 3, "mới"),
 ("Bò khô Vũ Quang", "Hộ kinh doanh Trần Thị Thu", "thôn Kim Sơn", "Vũ Quang", "thit", 66.25, 3, "mới"),
 ("Dầu lạc ép Nghi Xuân", "Hợp tác xã Nông sản Nghi Xuân", "thôn Hồng Lam", "Nghi Xuân", "rau", 61, 3, "mới"),
 ("Rau má sấy khô Lộc Hà", "Hợp tác xã Rau sạch Lộc Hà", "thôn Xuân Hải", "Lộc Hà", "rau", 56.5, 3, "mới"),
 ("Cao chè vằng Hà Linh", "Công ty TNHH Dược liệu Hà Linh", "thôn Trung Hà", "Hà Linh", "tpcn", 72, 4, "nâng hạng"),
 ("Xà phòng thảo dược Sơn Hồng", "Hộ kinh doanh Bùi Thị Ngọc", "thôn Hồng Tiến", "Sơn Hồng", "mypham", 58, 3, "mới"),
 ("Khăn lụa tơ tằm Nghi Xuân", "Hợp tác xã Dệt lụa Nghi Xuân", "thôn Hồng Lam", "Nghi Xuân", "vai", 62.5, 3, "mới"),
 ("Gà đồi Vũ Quang", "Hợp tác xã Chăn nuôi Vũ Quang", "thôn Kim Sơn", "Vũ Quang", "tuoisong", 65, 3, "mới"),
 ("Trứng vịt muối Đức Thọ", "Hộ kinh doanh Lê Thị Hà", "thôn Yên Hòa", "Đức Thọ", "thit", 54, 3, "mới"),
 ("Hộp quà đặc sản Hà Tĩnh gồm kẹo cu đơ, bánh đa vừng, chè xanh sấy khô và mật ong hoa rừng, đóng hộp giấy kraft thân thiện với môi trường",
  "Hợp tác xã Dịch vụ thương mại và Xúc tiến sản phẩm đặc sản Thiên Cầm", "thôn Nam Hải", "Thiên Cầm", "banh", 67, 3, "mới"),
 ("Nấm linh chi đỏ Sơn Tây", "Hợp tác xã Nấm dược liệu Sơn Tây", "thôn Trung Lưu", "Sơn Tây", "tinhdau", 79, 4, "nâng hạng"),
 ("Chả mực Kỳ Xuân", "Hộ kinh doanh Phan Thị Lan", "thôn Tân Phú", "Kỳ Xuân", "thit", 68, 3, "mới"),
 ("Bưởi Phúc Trạch sấy dẻo", "Hợp tác xã Bưởi Phúc Trạch Hương Khê", "thôn 4", "Phúc Trạch", "rau", 63.5, 3, "mới"),
]
# (insert after this good row index, row tuple, why) — deliberately bad rows
BAD = [
 (4, ("", "Hợp tác xã Nông sản Lộc Hà", "thôn Xuân Hải", "Lộc Hà", "rau", 60, 3, "mới"), "no name"),
 (9, ("Mắm tép Thiên Cầm", "Hộ kinh doanh Võ Thị Hương", "thôn Bắc Hải", "Thiên Cầm", "mam", "tám mươi", "", "mới"), "score not a number"),
 (13, ("Rượu sim Sơn Kim", "Hợp tác xã Ong mật Sơn Kim", "thôn Hà Tân", "Sơn Kim 1", "ruou", 105, "", "mới"), "score > 100"),
 (17, ("Cam sành Hương Sơn", "Hộ kinh doanh Nguyễn Văn Bình", "thôn Khe Máng", "Sơn Kim 1", "tuoi", 72, "6 sao", "mới"), "unknown star"),
 (20, ("Chổi đót Sơn Hồng", "", "thôn Hồng Tiến", "Sơn Hồng", "tcmn", 55.5, 3, "mới"), "empty owner"),
 (24, ("Cam Vũ Quang", "Hợp tác xã Cam Vũ Quang", "thôn 3", "Vũ Quang", "tuoi", 78.25, 4, "mới"), "duplicate"),
 (27, ("Cá kho Vũ Quang", "Hộ kinh doanh Trần Thị Thu", "thôn Kim Sơn", "Vũ Quang", "thit", 65.5, 4, "mới"), "stars contradict score"),
 (30, ("Nhung hươu tươi Sơn Tây", "Công ty TNHH Hươu sao Sơn Tây", "thôn Trung Lưu", "Sơn Tây", "tpcn", 91.5, 5, "nâng hạng"), "5 stars: province may not"),
 (32, ("Măng khô Sơn Kim", "Hợp tác xã Nông lâm sản Sơn Kim", "thôn Hà Tân", "Sơn Kim 1", "rau", 44, "", "mới"), "2 stars"),
]
HEAD = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Nhóm/Bộ sản phẩm", "Điểm", "Hạng sao", "Mã số sản phẩm", "Hình thức", "Ngày đánh giá"]
EVAL = datetime.date(2026, 10, 15)
rows, stt, per_commune = [], 0, {}
bad_after = {}
for i, r, _why in BAD:
    bad_after.setdefault(i, []).append(r)
def add(r, good):
    global stt
    name, owner, thon, xa, g, score, stars, form = r
    stt += 1
    code = ""
    if good:
        per_commune[xa] = per_commune.get(xa, 1) + 1
        code = f"42-{CODES[xa]}-{per_commune[xa]:03d}-2026"
    rows.append([stt, name, owner, f"{thon}, xã {xa}, tỉnh Hà Tĩnh", G[g], score, stars, code, form, EVAL])
for i, r in enumerate(ROWS):
    add(r, True)
    for b in bad_after.get(i, []):
        add(b, False)
assert len(ROWS) >= 30
wb = Workbook()
ws = wb.active
ws.title = "Kết quả đợt 2"
ws.append(["KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CẤP TỈNH ĐỢT 2 NĂM 2026"])
ws.append(["(Kèm theo Quyết định số 2698/QĐ-UBND ngày 28/10/2026 của Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh)"])
ws.append([])
ws.append(HEAD)
for c in ws[4]:
    c.font = Font(bold=True)
    c.alignment = Alignment(wrap_text=True, horizontal="center")
for r in rows:
    ws.append(r)
# The footer every clerk adds: read as a footer (skipped and reported), never as products.
FOOTER = [[f"Tổng cộng: {len(rows)} sản phẩm"], [], [None, "Người lập biểu", None, None, "KT. GIÁM ĐỐC"],
          [None, "Nguyễn Thị Lan", None, None, "Trần Văn Hùng"]]
for r in FOOTER:
    ws.append(r)
for row in ws.iter_rows(min_row=5, max_row=4 + len(rows)):
    row[9].number_format = "DD/MM/YYYY"
    if isinstance(row[5].value, (float, int)):
        row[5].number_format = "0.00"
for col, width in zip("ABCDEFGHIJ", (5, 40, 36, 40, 32, 8, 9, 20, 12, 13)):
    ws.column_dimensions[col].width = width
wb.properties.creator = "ocop-docs samples"
wb.save(OUT / "ha-tinh-2026-ket-qua-dot-2.xlsx")
# CSV as Excel (Vietnamese regional settings) saves it: UTF-8 with BOM, ';', decimal comma.
buf = io.StringIO()
w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
w.writerow(["KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP CẤP TỈNH ĐỢT 2 NĂM 2026"] + [""] * 9)
w.writerow(HEAD)
for r in rows:
    r = list(r)
    if isinstance(r[5], (int, float)):
        r[5] = f"{r[5]:.2f}".replace(".", ",")
    r[9] = r[9].strftime("%d/%m/%Y")
    w.writerow(r)
for r in FOOTER:
    w.writerow([("" if v is None else v) for v in r] + [""] * (10 - len(r)))
(OUT / "ha-tinh-2026-ket-qua-dot-2.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))
print(len(rows), "rows,", len(ROWS), "good")
