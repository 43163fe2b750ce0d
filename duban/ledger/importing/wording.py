"""The parser's warnings in the office's words: each code said in Chinese, with its text."""

WARNINGS = {
    "empty_section": "标题下没有读到任务",
    "empty_plan": "附件中没有读到任务",
    "partial_row": "此行在文件中不完整（复制时被截断），请补全或删除",
    "unassigned_row": "此行没有读到责任单位或牵头领导",
    "cut_text": "文件末尾的文字不完整，未读取",
    "loose_note": "注释未能对应到任务",
    "loose_label": "单位或时限行前没有任务",
    "loose_leader": "领导行前没有任务或标题",
    "unknown_row": "表格行无法判断各列内容，未读取",
    "outside_row": "附件以外的表格行，未读取",
    "progress_table": "这是进度报告（含当前进度或推进情况），其中的条目不是任务",
    "extra_columns": "以下列未能识别，内容按原文保留",
    "no_task_column": "表格中没有任务内容列",
    "loose_paragraph": "段落未能归入任何任务",
    "leader_not_names": "领导一栏未能读出人名",
    "encoding": "文件编码不常见，已尽量识别",
    "format": "文件扩展名与内容不符，已按实际格式读取",
    "scanned_page": "此页是扫描图像，没有可读取的文字",
}


def warning_text(warning: dict) -> str:
    """A parser warning (its dict) as the office reads it."""
    said = WARNINGS.get(warning.get("code", ""))
    if said is None:
        return warning.get("message", "")
    detail = warning.get("detail")
    return f"{said}：{detail}" if detail else said
