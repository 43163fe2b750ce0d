from duban.parsing.units import lead_override, split_units


def _split(text: str, **options) -> list[tuple[str, str]]:
    return [(unit.name, unit.role) for unit in split_units(text, **options).units]


def test_it_marks_the_starred_unit_lead_and_the_others_support():
    assert _split("区科技局*、区发改局、区经信局") == [
        ("区科技局", "lead"),
        ("区发改局", "support"),
        ("区经信局", "support"),
    ]


def test_it_makes_every_unit_joint_without_a_mark():
    assert _split("区民政局、区卫生健康局") == [("区民政局", "joint"), ("区卫生健康局", "joint")]


def test_it_reads_a_star_after_a_space_and_a_full_width_star():
    assert _split("区投资促进服务中心 *、各相关单位") == [
        ("区投资促进服务中心", "lead"),
        ("各相关单位", "support"),
    ]
    assert _split("区商务局＊，区住建局")[0] == ("区商务局", "lead")


def test_it_rejoins_names_broken_by_spaces_or_line_breaks():
    units = split_units("区应急管理局*、 区公安分局、区 交通运输局、区消防 救援大队").units
    assert [unit.name for unit in units] == [
        "区应急管理局",
        "区公安分局",
        "区交通运输局",
        "区消防救援大队",
    ]
    assert units[2].raw == "区 交通运输局"
    wrapped = "区应急管理局*、区\n公安分局、区交通运\n输局、区市场监管\n局"
    assert [unit.name for unit in split_units(wrapped).units] == [
        "区应急管理局",
        "区公安分局",
        "区交通运输局",
        "区市场监管局",
    ]


def test_it_keeps_a_branch_with_the_body_before_it():
    assert _split("市自然资源和规划局 鹿城分局*、区经信局")[0] == (
        "市自然资源和规划局鹿城分局",
        "lead",
    )
    assert _split("市生态环境局鹿城分\n局") == [("市生态环境局鹿城分局", "joint")]


def test_it_splits_one_unit_per_line():
    assert _split("区发改局\n区财政局\n七都街道") == [
        ("区发改局", "joint"),
        ("区财政局", "joint"),
        ("七都街道", "joint"),
    ]


def test_typed_line_breaks_split_names_without_a_prefix():
    # A Word or Excel cell: each line the author typed that is a whole name is a unit.
    assert _split("发改局\n财政局\n人行台州市中心支行", line_per_unit=True) == [
        ("发改局", "joint"),
        ("财政局", "joint"),
        ("人行台州市中心支行", "joint"),
    ]
    assert _split("市生态环境局鹿城分\n局", line_per_unit=True) == [
        ("市生态环境局鹿城分局", "joint")
    ]
    # Wrapped lines (PDF, text copies) cannot say so: a branch goes with the body before it.
    assert _split("发改局\n财政局") == [("发改局财政局", "joint")]


def test_it_does_not_split_inside_brackets_or_quotes():
    assert [
        name
        for name, _ in _split(
            "区府办(区“两个健康”办)、县发改局（粮食局）、区府办（区大数据发\n展管理局）"
        )
    ] == [
        "区府办(区“两个健康”办)",
        "县发改局（粮食局）",
        "区府办（区大数据发展管理局）",
    ]


def test_it_keeps_a_name_that_holds_a_list_mark():
    assert [name for name, _ in _split("各区、县（市）政府（管委会）、市发改委")] == [
        "各区、县（市）政府（管委会）",
        "市发改委",
    ]


def test_it_cleans_trailing_words_and_reads_their_role():
    assert _split("区发改局、区财政局等") == [("区发改局", "joint"), ("区财政局", "joint")]
    assert _split("区发改局、团市委配合落实") == [("区发改局", "lead"), ("团市委", "support")]
    assert _split("由区委宣传部牵头") == [("区委宣传部", "lead")]


def test_it_cleans_trailing_words_that_pile_up():
    assert _split("市发改委、市财政局等按职责分工负责") == [
        ("市发改委", "joint"),
        ("市财政局", "joint"),
    ]
    assert _split("区教育局、区卫健局等相关部门") == [("区教育局", "joint"), ("区卫健局", "joint")]
    assert _split("市公安局牵头，市交通局等有关单位配合") == [
        ("市公安局", "lead"),
        ("市交通局", "support"),
    ]


def test_it_gives_the_column_role_to_every_unit():
    assert _split("市发改委、市财政局", role="support") == [
        ("市发改委", "support"),
        ("市财政局", "support"),
    ]


def test_it_makes_the_first_unit_lead_under_the_first_is_lead_rule():
    assert _split("区发改局、区财政局", first_is_lead=True) == [
        ("区发改局", "lead"),
        ("区财政局", "support"),
    ]
    assert _split("区发改局", first_is_lead=True) == [("区发改局", "lead")]


def test_it_moves_a_first_is_lead_note_out_of_the_units():
    cell = split_units("区发改局、区财政局（列第一位者为工作牵头单位或汇总单位，下同）")
    assert [(unit.name, unit.role) for unit in cell.units] == [
        ("区发改局", "lead"),
        ("区财政局", "support"),
    ]
    assert cell.notes == ["列第一位者为工作牵头单位或汇总单位，下同"]
    assert cell.first_is_lead and cell.carries


def test_it_reads_lead_overrides_from_remarks():
    assert lead_override("根据区委工作安排，由区委办（区委改革办）、区委政法委牵头。") == [
        "区委办（区委改革办）",
        "区委政法委",
    ]
    assert lead_override("根据区委工作安排，白鹿引才等工作由区委组织部（区人才办）牵头。") == [
        "区委组织部（区人才办）"
    ]
    assert lead_override("根据区委工作安排，区委宣传部牵头。") == ["区委宣传部"]
    assert lead_override("需加快推进。") == []
    assert lead_override(None) == []


def test_places_before_the_body_they_share_are_one_unit():
    assert _split("市财政局，涪城区、游仙区、安州区人民政府") == [
        ("市财政局", "joint"),
        ("涪城区、游仙区、安州区人民政府", "joint"),
    ]
    # Places with no body after them are each a unit.
    assert _split("鹿城区、瓯海区、龙湾区") == [
        ("鹿城区", "joint"),
        ("瓯海区", "joint"),
        ("龙湾区", "joint"),
    ]


def test_a_star_or_triangle_beside_a_unit_marks_the_lead():
    assert _split("★县发改局、县统计局、县财政局▲") == [
        ("县发改局", "lead"),
        ("县统计局", "support"),
        ("县财政局", "lead"),
    ]


def test_a_bracketed_zhuze_marks_the_lead():
    assert _split("县发展改革委（主责）、县财政局（主责）、县统计局") == [
        ("县发展改革委", "lead"),
        ("县财政局", "lead"),
        ("县统计局", "support"),
    ]


def test_only_a_body_before_ge_shares_itself_with_the_next_name():
    assert _split("省政府各部门、各直属机构") == [("省政府各部门、各直属机构", "joint")]
    assert _split("省直各部门、各市县政府") == [("省直各部门", "joint"), ("各市县政府", "joint")]
    assert _split("江北新区管委会、各区政府") == [
        ("江北新区管委会", "joint"),
        ("各区政府", "joint"),
    ]


def test_a_short_bare_noun_after_a_ge_name_shares_its_ge():
    assert _split("社会事务办公室、各嘎查村、社区") == [
        ("社会事务办公室", "joint"),
        ("各嘎查村、社区", "joint"),
    ]
    assert _split("各乡镇、县直各部门") == [("各乡镇", "joint"), ("县直各部门", "joint")]


def test_places_of_one_kind_before_their_body_are_one_unit():
    assert _split("区住建局、城关镇、柳陂镇人民政府") == [
        ("区住建局", "joint"),
        ("城关镇、柳陂镇人民政府", "joint"),
    ]
    assert _split("盐城经济技术开发区、盐南高新区管委会") == [
        ("盐城经济技术开发区、盐南高新区管委会", "joint")
    ]
    assert _split("区发改局、各镇人民政府") == [("区发改局", "joint"), ("各镇人民政府", "joint")]


def test_places_of_one_level_before_their_body_are_one_unit():
    assert _split("县林草局、姚伏镇、通伏乡人民政府") == [
        ("县林草局", "joint"),
        ("姚伏镇、通伏乡人民政府", "joint"),
    ]
    assert _split("平罗县、惠农区人民政府") == [("平罗县、惠农区人民政府", "joint")]
    assert _split("市发改委、惠农区人民政府") == [
        ("市发改委", "joint"),
        ("惠农区人民政府", "joint"),
    ]


def test_a_role_label_opening_a_clause_needs_no_colon():
    assert _split("牵头单位区交通委、区建设管理委；参与单位区发展改革委、各镇（街道、社区）") == [
        ("区交通委", "lead"),
        ("区建设管理委", "lead"),
        ("区发展改革委", "support"),
        ("各镇（街道、社区）", "support"),
    ]
    assert _split("区财政局、区牵头单位服务中心") == [
        ("区财政局", "joint"),
        ("区牵头单位服务中心", "joint"),
    ]


def test_a_town_body_of_no_town_named_after_a_ge_name_shares_its_ge():
    assert _split("区发改局、各街道办事处、镇人民政府") == [
        ("区发改局", "joint"),
        ("各街道办事处、镇人民政府", "joint"),
    ]
    assert _split("各街道办事处、城关镇人民政府") == [
        ("各街道办事处", "joint"),
        ("城关镇人民政府", "joint"),
    ]
