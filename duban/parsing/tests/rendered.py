"""Notices of other layouts, written as Word files with python-docx and turned into PDFs by
LibreOffice: the way the reference notice's renderings were made.

Each layout returns the rows it wrote, which the parser must give back from both files.
"""

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

UNITS = [
    "市发展改革委",
    "市经信局",
    "市科技局",
    "市财政局",
    "市人力社保局",
    "市自然资源和规划局",
    "市生态环境局",
    "市住建局",
    "市交通运输局",
    "市水利局",
    "市农业农村局",
    "市商务局",
    "市卫生健康委",
    "市应急管理局",
    "市市场监管局",
    "市统计局",
    "市大数据局",
    "市委宣传部（市新闻出版局）",
    "市委政法委",
    "各县（市、区）政府",
    "国网台州供电公司",
    "市公安局",
    "市教育局",
    "市民政局",
    "团市委",
    "市妇联",
    "人行台州市中心支行",
]
LEADERS = [
    ("王建华", "常务副市长"),
    ("李晓东", "副市长"),
    ("陈静", "副市长"),
    ("赵明远", "副市长"),
]
PHRASES = [
    "全市地区生产总值增长6.5%以上",
    "一般公共预算收入增长6%",
    "深入实施数字经济“一号工程”升级版，加快建设数字经济创新发展试验区",
    "新增规上工业企业200家以上",
    "推进城市有机更新，完成老旧小区改造120个",
    "新建改扩建中小学和幼儿园30所，新增学位1.5万个",
    "深化“最多跑一次”改革，打造一流营商环境",
    "实施乡村振兴战略，农村居民人均可支配收入增长7.5%",
    "全面推行河湖长制，地表水达标率保持100%",
    "扎实推进共同富裕示范区建设",
    "持续打好蓝天、碧水、净土保卫战，PM2.5平均浓度控制在25微克/立方米以内",
    "完善养老服务体系，新增养老床位1000张",
]
DEADLINES = ["2023年12月底前", "全年", "2023年6月底前", "长期坚持"]
ISSUER = "台州市人民政府办公室"
CHINESE_FONT = "Noto Sans CJK SC"


@dataclass
class Expected:
    """A row as the layout wrote it."""

    seq: str
    text: str
    units: list[str]
    lead_units: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    deadline: str | None = None
    remark: str | None = None


class Writer:
    """A Word notice in the making, with the rows it holds."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.doc = Document()
        # The reference PDF's font; LibreOffice takes another Chinese font where it is missing.
        fonts = self.doc.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), CHINESE_FONT)
        self.rows: list[Expected] = []
        self.count = 0
        self.paragraph(f"{ISSUER}文件", 26, bold=True, center=True)
        self.paragraph("台政办发〔2023〕7号", 16, center=True)
        self.paragraph(f"{ISSUER}关于印发2023年重点工作任务分解的通知", 22, bold=True, center=True)
        self.paragraph("各县（市、区）人民政府，市政府直属各单位：")
        self.paragraph("现将有关任务分解印发给你们，请认真贯彻落实。", indent=True)
        self.paragraph(ISSUER)
        self.paragraph("2023年2月15日")

    def paragraph(self, text: str, size=14, *, bold=False, center=False, indent=False):
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
        return paragraph

    def annex(self, number: str, title: str) -> None:
        self.paragraph(f"附件{number}")
        self.paragraph(title, 18, bold=True, center=True)

    def text(self) -> str:
        """A task text of one to three phrases, made unique by its own number."""
        self.count += 1
        phrases = self.random.sample(PHRASES, self.random.choice([1, 1, 2, 3]))
        return "，".join(phrases) + f"，确保第{self.count}批项目落地见效。"

    def units(self, least: int, most: int, exclude=()) -> list[str]:
        pool = [unit for unit in UNITS if unit not in exclude]
        return self.random.sample(pool, self.random.randint(least, most))

    def table(self, header: list[str], rows: list[list[str]]):
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for column, label in enumerate(header):
            table.cell(0, column).text = label
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                table.cell(index, column).text = value
        return table


def leader_column_merged(writer: Writer) -> None:
    """City: 牵头市领导 | 牵头单位 | 配合单位 | 完成时限; a section's leader cell merged down."""
    writer.annex("", "2023年市政府工作报告重点工作任务分解表")
    header = ["序号", "重点任务", "牵头市领导", "牵头单位", "配合单位", "完成时限"]
    seq = 0
    for heading, (leader, _) in zip(
        ["一、稳住经济大盘", "二、推动创新驱动"], LEADERS, strict=False
    ):
        writer.paragraph(heading, bold=True)
        rows = []
        for _ in range(9):
            seq += 1
            lead = writer.units(1, 1)
            support = writer.units(0, 3, exclude=lead)
            text, deadline = writer.text(), writer.random.choice(DEADLINES)
            rows.append([str(seq), text, leader, lead[0], "、".join(support), deadline])
            writer.rows.append(Expected(str(seq), text, lead + support, lead, [leader], deadline))
        table = writer.table(header, rows)
        merged = table.cell(1, 2).merge(table.cell(len(rows), 2))
        merged.text = leader


def first_unit_leads(writer: Writer) -> None:
    """County: one table, section rows merged across, 「列第一位者为牵头单位」 in the header."""
    writer.annex("1", "2023年县政府工作报告重点工作责任分解表")
    header = ["序号", "工作任务", "责任领导", "责任单位（列第一位者为牵头单位）", "完成时间"]
    table = writer.table(header, [])
    for heading in ["一、产业发展", "二、城乡建设"]:
        cells = table.add_row().cells
        cells[0].merge(cells[-1]).text = heading
        for index in range(1, 10):
            units = [u.replace("市", "县", 1) for u in writer.units(1, 4) if u.startswith("市")]
            units = units or ["县发改局"]
            leaders = [name for name, _ in writer.random.sample(LEADERS, 2)][: index % 2 + 1]
            text, deadline = writer.text(), writer.random.choice(DEADLINES)
            cells = table.add_row().cells
            for cell, value in zip(
                cells,
                [str(index), text, "、".join(leaders), "、".join(units), deadline],
                strict=True,
            ):
                cell.text = value
            lead = units[:1]
            writer.rows.append(Expected(str(index), text, units, lead, leaders, deadline))


def numbered_list(writer: Writer) -> None:
    """No table: （一） sections with 「（牵头市领导：…）」, tasks ending in （牵头单位：…；责任单位：…）."""
    writer.annex("", "2023年政府工作报告重点任务清单")
    seq = 0
    for heading, (leader, _) in zip(
        ["（一）扩大有效投资", "（二）保障和改善民生"], LEADERS, strict=False
    ):
        writer.paragraph(f"{heading}（牵头市领导：{leader}）", bold=True)
        for _ in range(8):
            seq += 1
            lead = writer.units(1, 1)
            support = writer.units(1, 3, exclude=lead)
            text = writer.text()
            labels = f"（牵头单位：{lead[0]}；责任单位：{'、'.join(support)}）"
            writer.paragraph(f"{seq}.{text}{labels}")
            writer.rows.append(Expected(str(seq), text, lead + support, lead, [leader]))


def starred_projects(writer: Writer) -> None:
    """Livelihood projects with a name column, * marking the lead and remarks moving it."""
    writer.annex("3", "2023年度市政府民生实事项目任务分解表")
    header = ["序号", "项目名称", "建设内容及年度目标", "责任单位", "完成时限", "备注"]
    names = [
        "城乡公交一体化",
        "老旧小区改造",
        "托育服务扩面",
        "放心农贸市场",
        "城市书房",
        "社区食堂",
    ]
    rows = []
    for index, name in enumerate(names * 2, start=1):
        units = writer.units(1, 3)
        starred = len(units) > 1
        cell = "、".join(unit + ("*" if starred and i == 0 else "") for i, unit in enumerate(units))
        remark = "根据市委工作安排，由市委政法委牵头。" if index % 4 == 0 else ""
        text, deadline = writer.text(), writer.random.choice(DEADLINES)
        rows.append([str(index), f"{name}{index}", text, cell, deadline, remark])
        lead = units[:1] if starred else []
        writer.rows.append(Expected(str(index), text, units, lead, [], deadline, remark or None))
    writer.table(header, rows)


def two_row_header(writer: Writer) -> None:
    """责任单位 over 牵头单位 | 配合单位; sections led by 「王建华常务副市长牵头重点工作」."""
    writer.annex("2", "2023年市政府工作报告重点工作责任分解表")
    for number, (leader, title) in zip("一二", LEADERS, strict=False):
        writer.paragraph(f"{number}、{leader}{title}牵头重点工作", bold=True)
        table = writer.table(
            ["序号", "重点工作", "责任单位", ""], [["", "", "牵头单位", "配合单位"]]
        )
        table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
        table.cell(0, 1).merge(table.cell(1, 1)).text = "重点工作"
        table.cell(0, 2).merge(table.cell(0, 3)).text = "责任单位"
        for index in range(1, 9):
            lead = writer.units(1, 2)
            support = writer.units(0, 3, exclude=lead)
            text = writer.text()
            cells = table.add_row().cells
            for cell, value in zip(
                cells, [str(index), text, "、".join(lead), "、".join(support)], strict=True
            ):
                cell.text = value
            writer.rows.append(Expected(str(index), text, lead + support, lead, [leader]))


def labels_on_their_own_lines(writer: Writer) -> None:
    """Numbered tasks, then 「牵头单位：…」 and 「责任单位：…」 paragraphs; leaders in brackets."""
    writer.annex("", "2023年重点工作任务清单")
    seq = 0
    for number, topic, (leader, title) in zip(
        "一二", ["坚持创新驱动", "推进城乡融合"], LEADERS, strict=False
    ):
        writer.paragraph(f"{number}、{topic}（{leader}{title}牵头）", bold=True)
        for _ in range(6):
            seq += 1
            lead = writer.units(1, 1)
            support = writer.units(1, 3, exclude=lead)
            text = writer.text()
            writer.paragraph(f"{seq}、{text}")
            writer.paragraph(f"牵头单位：{lead[0]}")
            writer.paragraph(f"责任单位：{'、'.join(support)}")
            writer.rows.append(Expected(str(seq), text, lead + support, lead, [leader]))


def landscape_with_repeated_header(writer: Writer) -> None:
    """A landscape annex whose header repeats on every page; leaders with titles per row."""
    section = writer.doc.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    writer.annex("1", "2023年政府工作报告主要目标任务责任清单")
    header = ["序号", "目标任务", "责任领导", "牵头单位", "责任单位", "完成时限"]
    rows = []
    for index in range(1, 29):
        leader, title = writer.random.choice(LEADERS)
        lead = writer.units(1, 1)
        support = writer.units(1, 3, exclude=lead)
        text, deadline = writer.text(), writer.random.choice(DEADLINES)
        rows.append([str(index), text, f"{leader}{title}", lead[0], "、".join(support), deadline])
        writer.rows.append(Expected(str(index), text, lead + support, lead, [leader], deadline))
    table = writer.table(header, rows)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)


def two_annexes(writer: Writer) -> None:
    """A five-year annex in tables per leader, then an annual one with numbered sub-items."""
    writer.annex("1", "政府工作报告今后五年重点工作责任分解表")
    for number, (leader, title) in zip("一二", LEADERS, strict=False):
        writer.paragraph(f"{number}、{leader}{title}牵头重点工作", bold=True)
        rows = []
        for index in range(1, 6):
            units = writer.units(1, 3)
            starred = len(units) > 1
            cell = "、".join(u + ("*" if starred and i == 0 else "") for i, u in enumerate(units))
            text = writer.text()
            rows.append([str(index), text, cell, ""])
            lead = units[:1] if starred else []
            writer.rows.append(Expected(str(index), text, units, lead, [leader]))
        writer.table(["序号", "重点工作", "责任单位", "备注"], rows)
    writer.annex("2", "政府工作报告2023年重点工作责任分解表")
    rows = []
    for index in range(1, 9):
        names = [name for name, _ in writer.random.sample(LEADERS, 2)]
        lead = writer.units(1, 1)
        support = writer.units(1, 2, exclude=lead)
        text = f"（1）{writer.text()}（2）{writer.text()}"
        rows.append([str(index), text, "\n".join(names), lead[0], "、".join(support)])
        writer.rows.append(Expected(str(index), text, lead + support, lead, names))
    writer.table(["序号", "重点工作", "牵头领导", "牵头单位", "配合单位"], rows)


LAYOUTS = {
    layout.__name__: layout
    for layout in [
        leader_column_merged,
        first_unit_leads,
        numbered_list,
        starred_projects,
        two_row_header,
        labels_on_their_own_lines,
        landscape_with_repeated_header,
        two_annexes,
    ]
}


def write(layout: str, folder: Path, seed: int = 7) -> tuple[Path, list[Expected]]:
    """Write the layout's notice as folder/<layout>.docx; returns its path and rows."""
    writer = Writer(seed)
    LAYOUTS[layout](writer)
    path = folder / f"{layout}.docx"
    writer.doc.save(path)
    return path, writer.rows


def soffice() -> str | None:
    return shutil.which("soffice")


def has_chinese_font() -> bool:
    """Whether LibreOffice can draw Chinese here (else its PDFs hold no real text)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run(  # noqa: S603 (a fixed program, fixed arguments)
        [fc_list, ":lang=zh"], capture_output=True, text=True, check=False
    )
    return bool(found.stdout.strip())


def to_pdf(paths: list[Path], folder: Path) -> None:
    """Convert Word files to PDFs in `folder` with one LibreOffice run."""
    profile = folder / "libreoffice-profile"
    subprocess.run(  # noqa: S603 (LibreOffice on files this module wrote)
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
