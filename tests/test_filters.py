"""Numbers that are not claims, through the real pipeline: `extract`.

NON_CLAIMS rows are `(sentence, forbidden)`: no claim may overlap the first
occurrence of `forbidden` in the sentence (dates, clock times, identifiers,
ordinals, set phrases, the article 一; see data/ANNOTATION.md).
CLAIMS_NEAR_NON_CLAIMS rows are `(sentence, expected_text, forbidden)`: the
claim `expected_text` is found and nothing overlaps `forbidden`.
Add a row to the table that fits; a row the extractor gets wrong stays as
`pytest.param(..., marks=_bug("what goes wrong"))`.

Tables are named by where their rows came from: *_WRITTEN rows were
written for this file (usable for evaluation); *_DEV rows are copied from
the dev texts (../shared/data/dev), development data only; *_BUGS_CAUGHT
rows come from bugs found in review, and each failed before its fix.
"""
from __future__ import annotations

import pytest

from newsfacts import extract


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


NON_CLAIMS_WRITTEN = [
    ("1月30日，记者来到攸县。", "1月30日"),
    ("2023年，全市经济稳步回升。", "2023年"),
    ("2022年12月，项目正式开工。", "2022年12月"),
    ("1-3月，全省外贸形势平稳。", "1-3月"),
    ("本月30日，新馆对外开放。", "30日"),
    ("他1993年出生于株洲。", "1993年"),
    ("2023年度考核结果已经公布。", "2023年度"),
    ("今年一季度，全市经济运行平稳。", "一季度"),
    ("上午9时，会议准时召开。", "上午9时"),
    ("早上7点，市场里已经人头攒动。", "早上7点"),
    ("10时30分，列车抵达株洲站。", "10时30分"),
    ("欢迎加入QQ群42040633。", "42040633"),
    ("有问题请拨打12345热线。", "12345"),
    ("遇到危险请拨打110报警。", "110"),
    ("该公司地址的邮编是412000。", "412000"),
    ("身份证号430202199001011234。", "430202199001011234"),
    ("新车型S14正式发布。", "S14"),
    ("这架A320客机平稳降落。", "A320"),
    ("受2106号台风影响，多地出现降雨。", "2106号"),
    ("车辆沿106国道行驶。", "106国道"),
    ("车辆沿G60沪昆高速行驶。", "G60"),
    ("他乘坐K9次列车回家。", "K9"),
    ("全市加快推进5G网络建设。", "5G"),
    ("市里新开了一家4S店。", "4S"),
    ("根据株政发〔2023〕15号文件执行。", "〔2023〕15号"),
    ("软件已升级到3.2.1版本。", "3.2.1"),
    ("详情见https://www.example.com/news/2023/123.html。", "https://www.example.com/news/2023/123.html"),
    ("第一期工程已经完工。", "第一期"),
    ("该校位列全国第27位。", "第27位"),
    ("该市综合实力排名第一。", "第一"),
    ("他在比赛中获得第3名。", "第3名"),
    ("二期项目即将开工。", "二期"),
    ("第十四届全运会在西安开幕。", "第十四届"),
    ("一是加强组织领导。", "一是"),
    ("二是强化资金保障。", "二是"),
    ("评选出湘菜十大名菜。", "十大名菜"),
    ("醴陵是千年瓷都。", "千年瓷都"),
    ("全力打造五好园区。", "五好园区"),
    ("全国两会胜利闭幕。", "两会"),
    ("深入践行两山理念。", "两山"),
    ("坚持四改、四不改原则。", "四改、四不改"),
    ("学生牢记防溺水八不要。", "八不要"),
    ("事故接二连三发生。", "接二连三"),
    ("各地千方百计稳就业。", "千方百计"),
    ("这项工作十分重要。", "十分重要"),
    ("大家一心一意谋发展。", "一心一意"),
    ("全市上下万众一心。", "万众一心"),
    ("我们迈出了坚实的一步。", "一步"),
    ("共建一带一路。", "一带一路"),
    ("做好三农工作。", "三农"),
    ("科学编制十四五规划。", "十四五"),
    ("学习贯彻党的二十大精神。", "二十大"),
    ("二十届三中全会在北京召开。", "三中全会"),
    ("村里新建了一栋厂房。", "一栋"),
    ("这是一项重要任务。", "一项"),
    ("这是一次大胆尝试。", "一次"),
    ("他一直坚守岗位。", "一直"),
    ("这些措施一定要落实到位。", "一定"),
    ("大家一起动手清理河道。", "一起"),
    ("万一发生险情，立即撤离。", "万一"),
    ("千万不要轻信陌生来电。", "千万"),
    ("他做事从不三心二意。", "三心二意"),
    ("志愿者来自五湖四海。", "五湖四海"),
    ("游客从四面八方赶来。", "四面八方"),
    ("他是村里的第一书记。", "第一书记"),
    ("中央一号文件聚焦乡村振兴。", "一号文件"),
    ("今年五一假期天气晴好。", "五一"),
    ("商家备战双十一。", "双十一"),
    ("九九重阳节，社区看望老人。", "九九重阳"),
    ("3·15晚会曝光了多家企业。", "3·15"),
    ("5·12汶川地震已过去多年。", "5·12"),
    ("上世纪80年代，工厂开始扩建。", "80年代"),
    ("90后成为消费主力。", "90后"),
    ("北京、上海等一线城市房价高企。", "一线城市"),
    ("今日PM2.5浓度较高。", "PM2.5"),
    ("企业加快减少CO2排放。", "CO2"),
    ("C919大飞机完成首飞。", "C919"),
    ("神舟十七号飞船发射成功。", "神舟十七号"),
    ("G20峰会在杭州举行。", "G20"),
    ("他家住在建设路123号。", "123号"),
    ("活动地点在3号楼二楼。", "3号楼"),
    ("一辆湘B12345小车停在路边。", "湘B12345"),
    ("贵州茅台（600519）股价上涨。", "600519"),
    ("新冠病毒又称COVID-19。", "COVID-19"),
    ("苹果发布了iPhone 15手机。", "iPhone 15"),
    ("电脑已升级到V2.0版。", "V2.0"),
    ("我国正迈向工业4.0时代。", "4.0"),
    ("该软件2.0版本今天发布。", "2.0"),
    ("二〇二三，是不平凡的一年。", "二〇二三"),
]

# Classes of non-claims named in issue 13, in sentences written for this table.
NON_CLAIMS_ISSUE_13 = [
    ("公司上半年净利润增长。", "半年"),
    ("下半年，市场有望回暖。", "半年"),
    ("股价一度跌停。", "一度"),
    ("民国三十八年，他随家人迁居台北。", "三十八年"),
    ("自民國八十年五月起實施。", "八十年"),
    ("这批文物可追溯到公元前221年。", "221年"),
    ("会议重申“四个全面”战略布局。", "四个"),
    ("十届全国人大二次会议在北京开幕。", "二次"),
    ("他以三分二十秒的成绩夺冠。", "三分"),
    ("他以三分二十秒的成绩夺冠。", "二十秒"),
    ("乘客搭乘Ｋ９次列车返乡。", "９次"),
    ("这一年，我们走过了不平凡的路。", "一年"),
    ("第一、二名由本地选手获得。", "二名"),
    ("城乡二元结构亟待破解。", "二元"),
    ("车辆沿106国道行驶。", "106国"),
    ("3M公司发布新品。", "3M"),
]

# Rows copied from the dev texts (../shared/data/dev): development data, not evaluation.
NON_CLAIMS_DEV = [
    ("2013-2018年，该县持续推进改革。", "2013-2018年"),
    ("咨询电话：13975332270。", "13975332270"),
    ("报名邮箱：42040633@qq.com。", "42040633@qq.com"),
    ("严格执行GB/T 17839-2011标准。", "GB/T 17839-2011"),
]


NON_CLAIMS = NON_CLAIMS_WRITTEN + NON_CLAIMS_ISSUE_13 + NON_CLAIMS_DEV

CLAIMS_NEAR_NON_CLAIMS_WRITTEN = [
    ("1月30日，40多位工人正在施工。", "40多位", "1月30日"),
    ("2023年，全县生产总值增长6.5%。", "6.5%", "2023年"),
    ("1-3月，全省进出口总值1.2万亿元。", "1.2万亿元", "1-3月"),
    ("2022年12月，该市新增就业1.57万人。", "1.57万人", "2022年12月"),
    ("上午9时，已有300余名群众排队。", "300余名", "上午9时"),
    ("二期项目总投资5亿元。", "5亿元", "二期"),
    ("第一期工程投资3000万元。", "3000万元", "第一期"),
    ("106国道改造工程全长12.6公里。", "12.6公里", "106国道"),
    ("十大名菜吸引游客120万人次。", "120万人次", "十大名菜"),
    ("该校排名第一，录取率达98%。", "98%", "第一"),
    ("两会期间，代表提交建议300件。", "300件", "两会"),
    ("他一直坚持，累计献血20次。", "20次", "一直"),
    ("A320客机载有150名乘客。", "150名", "A320"),
    ("村里新建了一栋厂房，面积达2000平方米。", "2000平方米", "一栋"),
    ("受2106号台风影响，全县转移群众1.2万人。", "1.2万人", "2106号"),
    ("今日PM2.5浓度为35微克/立方米。", "35微克/立方米", "PM2.5"),
    ("今年一季度，全市新增企业320家。", "320家", "一季度"),
    ("他一直在为3000多名村民服务。", "3000多名", "一直"),
    ("第3名选手获得奖金5000元。", "5000元", "第3名"),
    ("上午10时30分，已有2万人入园。", "2万人", "10时30分"),
]

# Rows copied from the dev texts (../shared/data/dev): development data, not evaluation.
CLAIMS_NEAR_NON_CLAIMS_DEV = [
    ("2013-2018年，全县减贫3.2万人。", "3.2万人", "2013-2018年"),
    ("咨询电话13975332270，每天接听100余次。", "100余次", "13975332270"),
]

# Rows from bugs found in review (issue 12), each failing before its fix.
CLAIMS_NEAR_NON_CLAIMS_BUGS_CAUGHT = [
    ("白菜每斤卖一块。", "一块", "白菜"),
]

CLAIMS_NEAR_NON_CLAIMS = CLAIMS_NEAR_NON_CLAIMS_WRITTEN + CLAIMS_NEAR_NON_CLAIMS_DEV + CLAIMS_NEAR_NON_CLAIMS_BUGS_CAUGHT


def _ids(rows: list) -> list[str]:
    return [getattr(row, "values", row)[0] for row in rows]


def _overlapping(sentence: str, forbidden: str) -> tuple[list, list]:
    claims = extract(sentence)
    for c in claims:
        assert sentence[c.start : c.end] == c.text, c
    start = sentence.index(forbidden)
    end = start + len(forbidden)
    return claims, [(c.text, c.value, c.unit) for c in claims if c.start < end and start < c.end]


@pytest.mark.parametrize(("sentence", "forbidden"), NON_CLAIMS, ids=_ids(NON_CLAIMS))
def test_not_a_claim(sentence: str, forbidden: str) -> None:
    _, overlapping = _overlapping(sentence, forbidden)
    assert overlapping == []


@pytest.mark.parametrize(("sentence", "expected_text", "forbidden"), CLAIMS_NEAR_NON_CLAIMS,
                         ids=_ids(CLAIMS_NEAR_NON_CLAIMS))
def test_claim_next_to_non_claim(sentence: str, expected_text: str, forbidden: str) -> None:
    claims, overlapping = _overlapping(sentence, forbidden)
    assert expected_text in [c.text for c in claims], [(c.text, c.value, c.unit) for c in claims]
    assert overlapping == []
