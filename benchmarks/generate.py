"""Synthetic plan sets for the benchmark: N files × M indicators, realistic Chinese names, every
kind of indicator, seeded so that every run measures the same files.

    python benchmarks/generate.py OUT_DIR --files 1000 --indicators 100 [--seed 2018]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DISTRICTS = [
    "朝阳",
    "海淀",
    "丰台",
    "东城",
    "西城",
    "石景山",
    "门头沟",
    "房山",
    "通州",
    "顺义",
    "昌平",
    "大兴",
    "怀柔",
    "平谷",
    "密云",
    "延庆",
]
SECTIONS = ["疏解整治促提升", "高精尖产业", "三大攻坚战", "重点领域改革", "城市治理与民生福祉"]
CUMULATIVE = [
    ("新增改造绿地", "公顷"), ("建设居住区停车位", "个"), ("新增学位", "个"), ("棚户区改造", "户"),
    ("建设筹集保障性住房", "套"), ("拆除违法建设", "万平方米"), ("城镇新增就业", "人"),
    ("完成固定资产投资", "亿元"), ("新建改造公园", "个"), ("架空线入地", "公里"),
]  # fmt: skip
LEVELS = [
    ("地区生产总值增长", "6.5%左右", "higher"), ("城镇登记失业率", "1.5%以内", "lower"),
    ("PM2.5平均浓度", "确保低于58", "lower"), ("居民消费价格涨幅", "3%左右", "higher"),
]  # fmt: skip
MILESTONES = ["完成分区规划编制", "基本完成市级疏解任务", "建成社区之家示范点", "完成背街小巷整治"]


def indicator(rng: random.Random, index: int) -> str:
    roll = rng.random()
    section = rng.choice(SECTIONS)
    if roll < 0.7:
        name, unit = rng.choice(CUMULATIVE)
        target = rng.choice(
            [rng.randint(100, 5000), f"不低于{rng.randint(1, 9)}.{rng.randint(0, 9)}万"]
        )
        actual = rng.randint(10, 4000)
        lines = [f"target: {target}", f"actual: {actual}", f"unit: {unit}"]
        if rng.random() < 0.3:
            lines.append(f"stated: {rng.uniform(10, 99):.2f}%")
        if rng.random() < 0.1:
            lines.append("schedule: [15, 40, 75, 100]")
        if rng.random() < 0.1:
            lines += ["direction: lower"]
            lines[0] = f"target: {rng.randint(5000, 9000)}"
    elif roll < 0.85:
        name, target, direction = rng.choice(LEVELS)
        lines = [
            "kind: level",
            f"direction: {direction}",
            f"target: {target}",
            f"actual: {rng.uniform(0.5, 8):.1f}%",
        ]
        if "%" not in target:
            lines[-1] = f"actual: {rng.randint(40, 70)}"
    elif roll < 0.95:
        name = rng.choice(MILESTONES)
        lines = ["kind: milestone", f"due: 2018-{rng.randint(7, 12):02d}-28", "done: false"]
    else:
        name, unit = rng.choice(CUMULATIVE)
        lines = [f"stated: {rng.uniform(10, 99):.1f}%", f"unit: {unit}", "binding: true"]
    body = "".join(f"    {line}\n" for line in lines)
    return (
        f"  - name: {name}{index}\n    id: i{index}\n    section: {section}\n{body}"
        f"    source: 上半年{name}完成情况，见报告第{index}段\n"
    )


def plan(rng: random.Random, number: int, indicators: int) -> str:
    district = rng.choice(DISTRICTS)
    rows = "".join(indicator(rng, i) for i in range(indicators))
    return (
        f"plan: {district}区2018年国民经济和社会发展计划（第{number}号）\n"
        "year: 2018\nas_of: 2018-06-30\n"
        f"source: 关于{district}区2018年国民经济和社会发展计划上半年执行情况的报告\n"
        f"indicators:\n{rows}"
    )


def generate(folder: Path, files: int, indicators: int, seed: int = 2018) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(files):
        path = folder / f"plan-{number:05d}.yaml"
        path.write_text(plan(rng, number, indicators), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--indicators", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2018)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.files, arguments.indicators, arguments.seed)


if __name__ == "__main__":
    main()
