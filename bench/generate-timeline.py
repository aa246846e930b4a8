#!/usr/bin/env python3
"""Writes a Gazelle client-timeline export (DOMAIN.md, legacy file 7) of N rows: realistic French service notes with
accents and measurements, system e-mails (noise), and a sprinkling of bad rows (unreadable timestamps)."""
import random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "timeline.csv"
random.seed(20261124)
notes = ["Accord 442 Hz. {t}°, {h}%. stat 12,50", "Accord à 440, pédale de sourdine réglée ; {t}°C, {h} %",
         "Réglage de l'échappement, feutres changés. Humidité {h}%", "Buvard remplacé, réservoir rempli (système PLS)",
         "Accord de l'unisson « Ré 5 », thermostat de la salle à 20", "Visite annuelle : {t}°, {h}%, piano stable"]
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffClient ID,Type,Timestamp,Comment,System Message,Piano Token,Piano Type,Piano Make,Piano Model,"
            "Piano Serial Number,Piano Location,Piano Year,Created By\r\n")
    for i in range(rows):
        client = f"cli_B{i % 4000:010d}"
        piano = f"ins_B{i % 1000:010d}"
        ts = f"20{16 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d} UTC"
        if i % 997 == 0:
            ts = "hier soir"                                     # a bad row, rejected with its line number
        if i % 10 == 9:
            f.write(f"{client},Email,{ts},,Email opened,,,,,,,,System\r\n")
            continue
        note = random.choice(notes).format(t=18 + i % 8, h=30 + i % 20) + f" (visite n° {i})"
        f.write(f'{client},Service,{ts},"{note}",,{piano},grand,Steinway,D,{400000 + i % 1000},MS,2004,Nicolas X\r\n')
print(out)
