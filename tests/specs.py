"""Spec texts the bad-input tests break in one place each (line numbers matter: tests cite them)."""

PLAN = """\
kind: plan
issuer: {name: "Ủy ban nhân dân xã Vũ Quang", level: xa}
place: Vũ Quang
date: 2026-03-05
year: 2026
title: "Triển khai Chương trình OCOP năm 2026"
body:
  - heading: "MỤC ĐÍCH, YÊU CẦU"
    content:
      - "Triển khai đồng bộ các giải pháp."
      - heading: "Kinh phí"
        content:
          - budget: {lines: [{item: "Tập huấn", amount: 14000000}]}
signer: {on_behalf_of: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn A"}
recipients:
  - "UBND tỉnh"
  - "Lưu: VT"
"""
