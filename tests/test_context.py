"""Claim context through the real pipeline: change, qualifier, measure, time, entity.

Every row is a news sentence written for this file (economic statistics,
local government reports, company results, Hong Kong and Taiwan news in
traditional script, crime reports, agriculture), or two or three sentences
when the time or entity sits in an earlier sentence of the paragraph or in
a headline on the first line.

Tables are named by where their rows came from: *_WRITTEN rows were
written for this file (usable for evaluation); *_DEV rows are copied from
the dev texts (../shared/data/dev), development data only; *_BUGS_CAUGHT
rows come from bugs found in review, and each failed before its fix.

- CHANGES rows are `(text, claim_text, change)` and QUALIFIERS rows
  `(text, claim_text, qualifier)`, compared exactly (None allowed).
- MEASURES, TIMES and ENTITIES rows are `(text, claim_text, expected, exact)`.
  `expected` is the phrase a careful annotator copies from the text per
  data/ANNOTATION.md, or None when the text names none (for time and entity
  only when the whole text names none: the guideline lets them come from an
  earlier sentence or the headline). The extractor's phrase passes when its
  character-overlap F1 with `expected` (tools/score.py's measure) is at
  least 0.5. Rows with `exact` set also run in the strict test, where the
  phrase must be exactly the one expected (2024年前 where 2024年前5个月 is
  expected fails); `exact` is True, or `_bug(...)` when only the strict
  check is a known failure.

The claim is the one whose span overlaps most with the first occurrence of
`claim_text` in `text`, so small span differences don't matter here.
Expected values follow data/ANNOTATION.md, never the extractor's output.
Add a row to the table of the field it tests; a row the extractor gets
wrong stays, wrapped as `pytest.param(..., marks=_bug("what goes wrong"))`.
"""
from __future__ import annotations

from collections import Counter

import pytest

from newsfacts import extract


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


CHANGES_WRITTEN = [
    ("今年前三季度，全省地区生产总值同比增长5.8%。", "5.8%", "increase"),
    ("1-5月，全市规模以上工业增加值比上年同期增长7.2%，两年平均增长4.9%。", "7.2%", "increase"),
    ("1-5月，全市规模以上工业增加值比上年同期增长7.2%，两年平均增长4.9%。", "4.9%", "increase"),
    ("全县农村居民人均可支配收入18650元，比上年增加1320元。", "1320元", "increase"),
    ("全县农村居民人均可支配收入18650元，比上年增加1320元。", "18650元", None),
    ("通过发展林下经济，全村脱贫户户均增收3200元。", "3200元", "increase"),
    ("全市常住人口城镇化率达到64.3%，比上年提高1.1个百分点。", "1.1个百分点", "increase"),
    ("全市常住人口城镇化率达到64.3%，比上年提高1.1个百分点。", "64.3%", None),
    ("3月份，全国居民消费价格同比上涨2.1%，环比上涨0.3%。", "2.1%", "increase"),
    ("3月份，全国居民消费价格同比上涨2.1%，环比上涨0.3%。", "0.3%", "increase"),
    ("5月份，全国城镇调查失业率为5.2%，环比上升0.1个百分点。", "0.1个百分点", "increase"),
    ("5月份，全国城镇调查失业率为5.2%，环比上升0.1个百分点。", "5.2%", None),
    ("上半年，全省货物贸易顺差同比扩大12.4%。", "12.4%", "increase"),
    ("受疫情冲击，一季度全区餐饮收入同比下降18.6%。", "18.6%", "decrease"),
    ("全市单位地区生产总值能耗比上年降低3.5%。", "3.5%", "decrease"),
    ("受猪价低迷影响，今年以来全县生猪存栏量减少2.3万头。", "2.3万头", "decrease"),
    ("昨日沪深两市震荡走低，创业板指数下跌2.47%。", "2.47%", "decrease"),
    ("8月份，全市居民消费价格同比上涨1.8%，涨幅比上月回落0.4个百分点。", "0.4个百分点", "decrease"),
    ("8月份，全市居民消费价格同比上涨1.8%，涨幅比上月回落0.4个百分点。", "1.8%", "increase"),
    ("前两个月，我国对东盟贸易逆差同比收窄15.6%。", "15.6%", "decrease"),
    ("全县粮食播种面积较上年减少1.8万亩。", "1.8万亩", "decrease"),
    # The claim text is widened to 增产50公斤: a bare 50公斤 would first match inside 650公斤.
    ("今年全镇水稻平均亩产达650公斤，比去年增产50公斤。", "增产50公斤", "increase"),
    ("今年全镇水稻平均亩产达650公斤，比去年增产50公斤。", "650公斤", None),
    ("今年以来，全市电信网络诈骗案件发案数同比下降32.6%。", "32.6%", "decrease"),
    ("报告期内，公司实现归属于上市公司股东的净利润3.2亿元，同比增长45.3%。", "45.3%", "increase"),
    ("报告期内，公司实现归属于上市公司股东的净利润3.2亿元，同比增长45.3%。", "3.2亿元", None),
    ("受行业需求疲软影响，公司上半年营业收入同比下滑8.1%。", "8.1%", "decrease"),
    ("今年1-9月，全县农产品出口额同比增长1.5倍。", "1.5倍", "increase"),
    # levels: the number is where the quantity ended up, not the size of a change
    ("五年来，全县地区生产总值增长到326亿元。", "326亿元", None),
    ("截至今年6月底，全市高新技术企业增至1286家。", "1286家", None),
    ("经过三年攻坚，全县贫困发生率降为0.52%。", "0.52%", None),
    ("全市空气质量优良天数增加到310天。", "310天", None),
    ("通过债务重组，企业资产负债率下降至45%。", "45%", None),
    ("今年全市规模以上工业增加值达到2850亿元。", "2850亿元", None),
    ("今年前5个月，全市新能源汽车销量占全部汽车销量的25.6%。", "25.6%", None),
    # one verb shared by a list
    ("一季度，全市第一、二、三产业增加值分别增长3.1%、6.2%和5.4%。", "3.1%", "increase"),
    ("一季度，全市第一、二、三产业增加值分别增长3.1%、6.2%和5.4%。", "6.2%", "increase"),
    ("一季度，全市第一、二、三产业增加值分别增长3.1%、6.2%和5.4%。", "5.4%", "increase"),
    ("今年1-4月，全省原煤、原油产量分别下降4.2%和1.6%。", "4.2%", "decrease"),
    ("今年1-4月，全省原煤、原油产量分别下降4.2%和1.6%。", "1.6%", "decrease"),
    ("其中，出口1.85万亿元，增长8.2%；进口1.32万亿元，下降3.1%。", "8.2%", "increase"),
    ("其中，出口1.85万亿元，增长8.2%；进口1.32万亿元，下降3.1%。", "3.1%", "decrease"),
    ("其中，出口1.85万亿元，增长8.2%；进口1.32万亿元，下降3.1%。", "1.85万亿元", None),
    # traditional script
    ("該集團去年營業額按年增長12.5%，至486億港元。", "12.5%", "increase"),
    ("該集團去年營業額按年增長12.5%，至486億港元。", "486億港元", None),
    ("受疫情影響，今年首季訪港旅客人次按年減少三成。", "三成", "decrease"),
    ("台股今日開高走低，加權指數終場下跌186點。", "186點", "decrease"),
    ("本港上月零售業總銷貨價值按年下跌4.7%。", "4.7%", "decrease"),
    ("美股強勢反彈，台積電ADR昨日上漲3.6%。", "3.6%", "increase"),
    ("統計處數據顯示，本港上季失業率按季下降0.2個百分點。", "0.2個百分點", "decrease"),
]


CHANGES = CHANGES_WRITTEN

QUALIFIERS_WRITTEN = [
    ("今年以来，全县新增城镇就业岗位近3000个。", "3000个", "approx"),
    ("项目总投资约12亿元，建成后可带动就业1500人左右。", "12亿元", "approx"),
    ("项目总投资约12亿元，建成后可带动就业1500人左右。", "1500人", "approx"),
    ("目前，全镇共有水稻种植大户120余户。", "120余户", "over"),
    ("该合作社去年蔬菜销售额达800多万元。", "800多万元", "over"),
    ("国庆假期，全市共接待游客超过500万人次。", "500万人次", "over"),
    ("今年全市新登记市场主体3.2万户以上。", "3.2万户", "over"),
    ("據統計，逾三萬名市民參與了今年的元宵綵燈會。", "三萬名", "over"),
    ("不到两年时间，该村集体经济收入就翻了一番。", "两年", "under"),
    ("目前，全县农村低收入人口已不足500人。", "500人", "under"),
    ("抽检结果显示，该批次稻谷含水量均在13.5%以下。", "13.5%", "under"),
    ("每个入选项目至少安排200万元启动资金。", "200万元", "over"),
    ("符合条件的创业者最多可申请30万元贴息贷款。", "30万元", "under"),
    ("调查显示，大约四成受访者计划在春节期间出游。", "四成", "approx"),
    ("事故造成將近200戶居民停電。", "200戶", "approx"),
    ("经查，犯罪嫌疑人先后作案10余起，涉案金额50余万元。", "10余起", "over"),
    ("经查，犯罪嫌疑人先后作案10余起，涉案金额50余万元。", "50余万元", "over"),
    ("截至目前，全市已有超1.2万家工业企业复工复产。", "1.2万家", "over"),
    ("民警在其住处查获冰毒约2.5公斤。", "2.5公斤", "approx"),
    ("今年全市新建商品住宅价格涨幅控制在5%以内。", "5%", "under"),
    ("今年首十個月，該港口貨物吞吐量突破1億噸。", "1億噸", "over"),
    ("全年社会消费品零售总额同比增长超过10%。", "10%", "over"),
    ("本次論壇共有來自二十多個國家和地區的代表出席。", "二十多個", "over"),
    ("距離大學入學考試已不足30天。", "30天", "under"),
    ("該項目預計耗資約45億港元，將於2026年落成。", "45億港元", "approx"),
    ("种粮大户老周算了一笔账，今年每亩纯收入在800元左右。", "800元", "approx"),
    ("这起交通事故至少造成3人死亡。", "3人", "over"),
    ("去年，全县茶叶产值接近20亿元。", "20亿元", "approx"),
    ("全市今年新增造林面积1.6萬畝餘。", "1.6萬畝", "over"),
    ("去年该县粮食总产量在50万吨上下。", "50万吨", "approx"),
    # qualifier-looking words that are not qualifiers of the number
    ("近年来，全县累计培训高素质农民3000人次。", "3000人次", None),
    ("全区多家龙头企业共计投资5亿元建设冷链物流中心。", "5亿元", None),
    ("全镇今年新建通村公路28公里。", "28公里", None),
    ("截至6月底，全市共有超市、便利店1260家。", "1260家", None),
]


QUALIFIERS = QUALIFIERS_WRITTEN

MEASURES_WRITTEN = [
    # index points measure the index named before them
    ("本周恒生指数一度跌破16000点。", "16000点", "恒生指数", True),
    # a share of those who do something: the clause after 的
    ("调查显示，65%的受访者愿意购买新能源汽车。", "65%", "受访者愿意购买新能源汽车", True),
    ("今年前5个月，12.5%的增长来自出口。", "12.5%", None, False),
    # a list's items share the head after the last one
    ("水泥、钢材、平板玻璃产量分别增长3.1%、5.2%和4.4%。", "3.1%", "水泥产量", True),
    ("茶叶类、水果类、蔬菜类商品零售分别增长12%、9%和7%。", "12%", "茶叶类商品零售", True),
    ("机械、化工和电力累计增速分别为8.2%、6.1%和5.5%。", "8.2%", "机械累计增速", True),
    ("1-6月，全市规模以上工业增加值同比增长6.8%。", "6.8%", "规模以上工业增加值", _bug("exact: gives 全市规模以上工业增加值")),
    ("今年上半年，全县社会消费品零售总额完成186.5亿元。", "186.5亿元", "社会消费品零售总额", _bug("exact: gives 全县社会消费品零售总额")),
    ("今年全镇小龙虾养殖面积达到1.2万亩。", "1.2万亩", "小龙虾养殖面积", _bug("exact: gives 全镇小龙虾养殖面积")),
    ("通过持续开展国土绿化行动，全市森林覆盖率达到62.5%。", "62.5%", "森林覆盖率", _bug("exact: gives 全市森林覆盖率")),
    ("该公司去年实现营业收入58.6亿元，净利润4.3亿元。", "58.6亿元", "营业收入", True),
    ("该公司去年实现营业收入58.6亿元，净利润4.3亿元。", "4.3亿元", "净利润", True),
    ("入冬以来，合作社共收购农户生姜600吨。", "600吨", "生姜", _bug("exact: gives 农户生姜")),
    ("全县现有注册网店3200余家，带动就业1.5万人。", "3200余家", "注册网店", _bug("exact: gives 全县现有注册网店")),
    ("今年一季度，全市城镇居民人均可支配收入达到15230元。", "15230元", "城镇居民人均可支配收入", _bug("exact: gives 全市城镇居民人均可支配收入")),
    ("行动中，警方当场查获假冒白酒1200余瓶。", "1200余瓶", "假冒白酒", _bug("exact: gives 白酒")),
    ("截至目前，全县累计接种新冠病毒疫苗45.6万剂次。", "45.6万剂次", "新冠病毒疫苗", False),
    ("据统计，全省今年夏粮总产量达到126.8亿斤。", "126.8亿斤", "夏粮总产量", True),
    # what modifies the phrase through 的 is part of it, as the dev set's gold has it (房企购置土地的平均价格)
    ("統計處公布，本港上月經季節性調整的失業率維持在3.1%。", "3.1%", "經季節性調整的失業率", True),
    ("台積電第三季合併營收達新台幣5467億元。", "5467億元", "合併營收", True),  # was 新台幣, the currency
    ("該公司今年首三季錄得股東應佔純利12.4億港元。", "12.4億港元", "股東應佔純利", _bug("exact: gives 純利")),
    ("其中，出口1.85万亿元，增长8.2%；进口1.32万亿元，下降3.1%。", "1.85万亿元", "出口", True),
    ("其中，出口1.85万亿元，增长8.2%；进口1.32万亿元，下降3.1%。", "3.1%", "进口", True),
    ("今年以来，村里共发放小额信贷资金860万元。", "860万元", "小额信贷资金", True),
    ("“十四五”以来，该县共建成高标准农田25万亩。", "25万亩", "高标准农田", True),
    ("截至去年底，全市新能源汽车保有量突破15万辆。", "15万辆", "新能源汽车保有量", _bug("exact: gives 全市新能源汽车保有量")),
    ("今年以来，全市公安机关共破获电信网络诈骗案件326起。", "326起", "电信网络诈骗案件", True),
    pytest.param("全省粮食播种面积连续五年稳定在1.6亿亩以上。", "1.6亿亩", "粮食播种面积", _bug("measure None"),
                 marks=_bug("no measure when 连续五年稳定在 stands between subject and number")),
    ("上半年，全市进出口总值达3260.5亿元，同比增长12.7%。", "12.7%", "进出口总值", _bug("exact: gives 全市进出口总值")),
    pytest.param("全县贫困发生率由2014年的12.6%降至0.3%。", "0.3%", "贫困发生率", _bug("exact: gives 全县贫困发生率")),
    ("去年，该村村集体经济收入超过50万元。", "50万元", "村集体经济收入", _bug("exact: gives 村村集体经济收入")),
    ("经初步核查，该团伙涉案金额高达2300余万元。", "2300余万元", "涉案金额", _bug("exact: gives 团伙涉案金额")),
    ("今年，全市耕地地力保护补贴标准为每亩120元。", "120元", "耕地地力保护补贴", False),
    pytest.param("比亚迪上月新能源汽车销量为30.2万辆。", "30.2万辆", "新能源汽车销量", _bug("measure None"),
                 marks=_bug("no measure after a company name and 上月")),
    ("香港去年本地生產總值實質增長3.2%。", "3.2%", "本地生產總值",
     _bug("measure 生產總值實質: drops 本地, keeps the adverb 實質")),
    # the verb done to what is counted is part of it, as the dev gold writes 接待游客, 引进项目, 新建水上绿色服务区
    ("全村今年种植烤烟1800亩，预计可实现产值900万元。", "1800亩", "种植烤烟", True),
    ("全村今年种植烤烟1800亩，预计可实现产值900万元。", "900万元", "产值", True),
    # a clause of 为 alone, or after a semicolon a clause of a comparison, names what it gives before
    ("上半年，该行营收占比最高的是利息净收入，为320亿元。", "320亿元", "利息净收入", True),
    ("该公司手续费净收入（以代销业务为主）则为12亿元。", "12亿元", "手续费净收入", _bug("exact: gives 公司手续费净收入")),
    ("1-6月，全省商品房销售额1.2万亿元，增长12.5%；比2019年同期增长8.1%。", "8.1%", "商品房销售额",
     _bug("exact: gives 全省商品房销售额")),
    # two nouns joined by 和, a modifier through 的, a verb before 同比, a Latin word: all in the phrase
    ("今年以来，全市卫生和社会工作投资增长21.3%。", "21.3%", "卫生和社会工作投资", _bug("exact: gives 全市卫生和社会工作投资")),
    ("上半年，新建商品住宅的平均价格为1.2万元/平方米。", "1.2万元/平方米", "新建商品住宅的平均价格", True),
    ("今年门票预订同比增长40%。", "40%", "门票预订", True),
    ("SARS疫症爆發距今一年。", "一年", "SARS疫症爆發距今", True),
    # a share of people who do something, without 的; a figure joined by 的 to the noun after it
    ("调查显示，近八成受访者愿意购买国货。", "八成", "受访者愿意购买国货", True),
    ("受冷空气影响，沿海将出现3到5米的大浪。", "3到5米", "大浪", True),
    ("浙江近岸海域将出现3.5到5.5米的大浪到巨浪。", "3.5到5.5米", "大浪到巨浪", True),
    # the parts of a figure broken down in brackets after it measure what it does
    ("全市累计报告确诊病例56例（东城区30例、西城区26例）。", "30例", "东城区累计报告确诊病例", True),
    # a verb done to the things counted, opening the clause, is part of what is counted
    ("该景区去年接待游客120万人次。", "120万人次", "接待游客", True),
    ("今年全区引进项目48个。", "48个", "引进项目", _bug("exact: gives 全区引进项目")),
    # a verb naming the figure where nothing else would be left
    ("任职总回报达到423.74%。", "423.74%", "任职总回报", True),
]

# Rows copied from the dev texts (../shared/data/dev): development data, not evaluation.
MEASURES_DEV = [
    ("一季度全省固定资产投资同比增长9.1%，其中民间投资增长4.6%。", "9.1%", "固定资产投资", _bug("exact: gives 全省固定资产投资")),
    ("一季度全省固定资产投资同比增长9.1%，其中民间投资增长4.6%。", "4.6%", "民间投资", True),
]


# From one level to another (从…增至…, 由…提高到…): both numbers measure
# what the sentence names before 从; the change verb names nothing.
# Sentences written for this table.
MEASURES_FROM_TO = [
    ("该公司员工人数从500人增至1200人。", "500人", "公司员工人数", False),
    ("该公司员工人数从500人增至1200人。", "1200人", "公司员工人数", False),
    ("全县森林覆盖率由2015年的45%提高到2023年的62%。", "62%", "全县森林覆盖率", True),
    ("病床可由10张增至100张。", "100张", "病床", True),
]

# A currency named before the number is its unit's, not what it measures;
# sentences written for this table.
MEASURES_CURRENCY_BEFORE = [
    ("该公司第三季度營收達新台幣5467億元。", "5467億元", "營收", True),
    ("全年利润总额为人民币12亿元。", "12亿元", "利润总额", True),
]

# 比 opening a noun (比例, 比重) is no comparison; sentences written for this table.
MEASURES_BI_NOUNS = [
    ("这一比例比2019年提高了3.6个百分点。", "3.6个百分点", "比例", False),
    ("电子类股占整体市场成交值比例达88%。", "88%", "整体市场成交值比例", False),
]

# An aside in brackets between the phrase and its number stays out (固定资产投资（不含农户）419409亿元).
MEASURES_ASIDES = [
    # 按年 (Hong Kong's 同比) stands between the measure and its change (period_comparisons)
    ("澳門上月入境旅客按年增長百分之十二。", "百分之十二", "入境旅客", True),
    ("1—10月份，全国固定资产投资（不含农户）419409亿元。", "419409亿元", "全国固定资产投资", True),
]

MEASURES = (MEASURES_WRITTEN + MEASURES_DEV + MEASURES_FROM_TO + MEASURES_CURRENCY_BEFORE + MEASURES_BI_NOUNS
            + MEASURES_ASIDES)

TIMES_WRITTEN = [
    ("2023年，全县地区生产总值完成286.5亿元。", "286.5亿元", "2023年", True),
    ("今年1-5月，全市完成固定资产投资412亿元。", "412亿元", "今年1-5月", True),
    ("去年全镇农民人均可支配收入达到2.1万元。", "2.1万元", "去年", True),
    ("截至6月底，全省新能源汽车保有量达到48.6万辆。", "48.6万辆", "截至6月底", True),
    ("一季度，全市规模以上工业增加值同比增长5.6%。", "5.6%", "一季度", True),
    ("今年前三季度，该公司实现营业收入128亿元。", "128亿元", "今年前三季度", True),
    ("目前，全村已有86户种植食用菌。", "86户", "目前", True),
    ("上半年，全区实际使用外资2.3亿美元。", "2.3亿美元", "上半年", True),
    ("2022年12月，全市居民消费价格同比上涨1.6%。", "1.6%", "2022年12月", True),
    ("11月份，全国规模以上工业增加值同比增长6.6%。", "6.6%", "11月份", True),
    ("“十三五”期间，全县累计完成人工造林15万亩。", "15万亩", "“十三五”期间", False),
    ("2021年1月至9月，该市共查处酒驾醉驾案件1260起。", "1260起", "2021年1月至9月", True),
    ("國慶黃金周期間，本港共接待內地旅客約65萬人次。", "65萬人次", "國慶黃金周期間", True),
    ("台積電今年第二季每股盈餘為新台幣9.56元。", "9.56元", "今年第二季", _bug("exact: gives 今年")),
    ("昨日，上证指数收涨1.2%，报3150点。", "1.2%", "昨日", True),
    ("今年3月以来，警方共打掉电诈团伙12个，抓获犯罪嫌疑人156名。", "156名", "今年3月以来", True),
    ("近日，县人民法院对这起案件作出一审判决，判处被告人张某有期徒刑三年，并处罚金5万元。",
     "5万元", "近日", True),
    ("今年夏收期间，全县共投入联合收割机2300台。", "2300台", "今年夏收期间", _bug("exact: gives 今年")),
    ("截至2023年末，全市常住人口为412.6万人。", "412.6万人", "截至2023年末", True),
    # the comparison base (上年同期) is not the claim's time
    ("1-4月，全市税收收入比上年同期增长7.3%。", "7.3%", "1-4月", True),
    # from an earlier sentence of the paragraph
    ("2023年，全县经济运行稳中有进。地区生产总值达到312亿元，同比增长6.1%。", "312亿元", "2023年", True),
    ("今年一季度，全市外贸形势好于预期。其中，出口总额完成86.4亿元，同比增长9.8%。",
     "86.4亿元", "今年一季度", True),
    ("去年，该县大力发展特色种植。全县新增茶园面积1.2万亩。茶叶综合产值达到8.6亿元。",
     "8.6亿元", "去年", True),
    ("上月，本港住宅成交量顯著回升。其中，一手住宅成交錄得2150宗。", "2150宗", "上月", True),
    # the claim's own sentence wins over an earlier one
    ("2022年全市粮食总产量为58万吨。今年上半年，全市夏粮产量达到21.3万吨。", "21.3万吨", "今年上半年", True),
    # from the headline
    ("2024年前5个月我市财政收入平稳增长\n"
     "　　记者从市财政局获悉，全市一般公共预算收入完成98.6亿元，同比增长4.2%。",
     "98.6亿元", "2024年前5个月", True),
    ("今年首季訪港旅客按年增一成\n"
     "　　旅發局公布，訪港旅客人次達850萬，其中內地旅客佔七成。",
     "850萬", "今年首季", _bug("exact: gives 今年")),
    # the text names no time
    ("该县共有耕地面积52万亩。", "52万亩", None, False),
    ("这座大桥全长12.6公里，主跨1092米。", "12.6公里", None, False),
]


# Rows from bugs found in review (issue 12), each failing before its fix.
TIMES_BUGS_CAUGHT = [
    ("2024年前5个月株洲市财政收入平稳增长\n\n全市财政收入增长5%。\n\n另一篇报道\n\n该县共有耕地面积52万亩。", "52万亩", None, False),
]

# A subhead is the headline of the paragraphs after it; an item of a
# list is not. Articles written for this table.
TIMES_SUBHEADS = [
    ("公司业绩稳中有升\n公司去年营收增长8%。\n一季度净利润大增\n其中自营业务收入5.2亿元。",
     "5.2亿元", "一季度", True),
    ("全县经济运行报告\n（一）前三季度工业增加值增长6%\n（二）粮食产量达到50万吨",
     "50万吨", None, False),
    # the paragraph's own earlier sentence comes before the subhead
    ("全县经济运行报告\n上半年生产总值增长5%\n今年3月，全县新增企业20家，注册资本12亿元。",
     "12亿元", "今年3月", True),
]

# A time does not open inside a word (接近 / 年多), and a one-character
# opening that ends the word before stays out of it (直到 / 2018年底).
# Sentences written for this table.
TIMES_WORD_EDGES = [
    ("该基金在接近年多时间里收益率达到92%。", "92%", None, False),
    ("直到2018年底，该基金收益率为68%。", "68%", "2018年底", True),
    ("截至今年6月，全县新增企业20家。", "20家", "截至今年6月", True),
]

# A time joined by 的 to the number is the number's own, a base of
# comparison included (由…的…提高到…的…); sentences written for this table.
TIMES_ATTACHED = [
    ("该县森林覆盖率由2015年的45%提高到2023年的62%。", "45%", "2015年", True),
    ("该县森林覆盖率由2015年的45%提高到2023年的62%。", "62%", "2023年", True),
    ("全市人口从2010年的300万人增至去年的350万人。", "300万人", "2010年", True),
    ("全市人口从2010年的300万人增至去年的350万人。", "350万人", "去年", True),
]

# Every mark of a range joins a span of months (range_joiners): the dash
# of statistics bulletins (1—10月份) too. Sentences written for this table.
TIMES_RANGE_MARKS = [
    ("1—10月份，全国固定资产投资419409亿元。", "419409亿元", "1—10月份", True),
    ("1～9月，全省进出口总值增长5%。", "5%", "1～9月", True),
]

# A year written without 年 is a time when nothing follows it that makes
# it a number (a unit, a decimal, more digits); a headline of several
# sentences (重磅！…) is one headline, and its time, in any of them, is the
# time of the figures under it. Articles written for this table.
TIMES_BARE_YEARS_AND_HEADLINES = [
    ("回望2023，全县经济稳中有进\n\n全县新增企业320家。", "320家", "2023", True),
    ("重磅！数说2024\n\n全省粮食产量达到650亿斤。", "650亿斤", "2024", True),
    ("重磅！数说2024\n\n全省粮食产量达到650亿斤。\n去年粮食产量为640亿斤。", "640亿斤", "去年", True),
    ("城镇新增就业800万人！回顾2022\n\n城镇调查失业率为5.5%。", "800万人", "2022", True),
    ("城镇新增就业800万人！回顾2022\n\n城镇调查失业率为5.5%。", "5.5%", "2022", True),
    ("该厂去年销售2021台拖拉机。", "2021台", "去年", True),
    ("该县今年共有1998名考生参加考试。", "1998名", "今年", True),
    ("全市2021-2025年计划新建学校30所。", "30所", "2021-2025年", True),
    ("截至目前，该店累计销售4,2021件商品。", "4,2021件", "截至目前", True),
]

# A first line of 41 to 60 characters alone before a blank line, with no
# end mark, is the headline (its time is the figures' under it), not a
# line cut by a page break whose sentence goes on after the blank line.
# Articles written for this table.
TIMES_LONG_HEADLINES = [
    ("原标题：国庆假期全省旅游市场火爆！游客人数创新高，多家景区门票提前售罄，“一票难求”\n\n"
     "各地景区人头攒动。\n\n据省文旅厅统计，全省接待游客5200万人次。", "5200万人次", "国庆假期", True),
]

# What a record or a trend is counted over (创2019年以来新高, 扭转了…以来的
# 下降态势, 为…以来的最低) is not a claim's period, nor the period the next
# sentence takes; a time …以来 that opens the claim's clause still is.
# Sentences written for this table.
TIMES_RECORDS = [
    ("今年一季度，全省出口增长8%。其中，机电产品出口增长12.5%，扭转了2022年以来的下降态势。",
     "12.5%", "今年一季度", True),
    ("上周五，沪深两市成交额为1.2万亿元，创2020年以来新高。北向资金净买入80亿元。", "80亿元", "上周五", True),
    ("昨日，该股收报12.5元，为2019年3月以来的最低价。", "12.5元", "昨日", True),
    ("该股收报12.5元，为2019年3月以来的最低价。", "12.5元", None, False),
    ("4月，全省粮价下跌3%，创下2015年以来最大月度跌幅。", "3%", "4月", True),
    ("2020年以来的累计投资达500亿元。", "500亿元", "2020年以来", True),
    ("开航以来，累计运送旅客300万人次。", "300万人次", "开航以来", True),
    ("2020年以来，全县累计新建公路120公里。", "120公里", "2020年以来", True),
]

# 曾经 is a time where it opens a clause, an adverb inside one
# (clause_opening_times). Sentences written for this table.
TIMES_CLAUSE_OPENING = [
    ("曾经，该村有4个组低洼田较多。", "4个", "曾经", True),
    ("2023年，全县共调查居民500人。其中18%曾经吸烟，另有5%曾经饮酒。", "5%", "2023年", True),
    ("刘某、陈某都曾经管理过该基金，规模达50亿元。", "50亿元", None, False),
]

# A day in numerals with 号 and no month is a label, not a day (一号文件,
# 台南十二号); with its month, or in digits, it is a day. Sentences written
# for this table.
TIMES_LABELS = [
    ("省委一号文件提出，全省新建高标准农田300万亩。", "300万亩", None, False),
    ("该村种植的台南十二号花生亩产达到400公斤。", "400公斤", None, False),
    ("五月一号，全市接待游客30万人次。", "30万人次", "五月一号", True),
    ("8号，全市接待游客30万人次。", "30万人次", "8号", True),
]

# A duration that is the window of an average or of a count up to now
# (两年平均, 10多年来) takes no time; another duration takes its sentence's.
# Sentences written for this table.
TIMES_WINDOWS = [
    ("1-4月，全省工业投资增长12.5%，两年平均增长6.1%。", "两年", None, False),
    ("1-4月，全省工业投资增长12.5%，两年平均增长6.1%。", "6.1%", "1-4月", True),
    ("今年，该县粮食产量连续10多年来保持增长。", "10多年", None, False),
    ("今年3月，该厂停产两个月。", "两个月", "今年3月", True),
]

TIMES = (TIMES_WRITTEN + TIMES_BUGS_CAUGHT + TIMES_SUBHEADS + TIMES_WORD_EDGES + TIMES_ATTACHED
         + TIMES_RANGE_MARKS + TIMES_BARE_YEARS_AND_HEADLINES + TIMES_LONG_HEADLINES + TIMES_RECORDS
         + TIMES_CLAUSE_OPENING + TIMES_LABELS + TIMES_WINDOWS)

ENTITIES_WRITTEN = [
    ("攸县今年新增规模以上工业企业36家。", "36家", "攸县", True),
    ("去年，宁德时代实现营业收入4009亿元。", "4009亿元", "宁德时代", _bug("exact: gives 宁德")),
    ("广东省统计局数据显示，1-5月全省社会消费品零售总额1.9万亿元。", "1.9万亿元", "广东省", False),
    ("醴陵市全年完成陶瓷产业总产值720亿元。", "720亿元", "醴陵市", True),
    ("贵州茅台上半年实现净利润359.8亿元。", "359.8亿元", "贵州茅台", _bug("exact: gives 贵州")),
    ("据了解，村民李建国今年种植西瓜40亩，预计收入20万元。", "40亩", "李建国", True),
    ("经查，犯罪嫌疑人王某某先后骗取受害人钱款共计36万元。", "36万元", "王某某", _bug("exact: gives 王某")),
    ("香港特區政府昨日公布，今年首季本地生產總值按年實質增長2.7%。", "2.7%", "香港", False),
    pytest.param("台積電昨日公布，上月合併營收達新台幣2035億元。", "2035億元", "台積電", _bug("entity None"),
                 marks=_bug("traditional-script company 台積電 not found")),
    ("華碩去年全年稅後純益達新台幣150億元。", "150億元", "華碩", True),
    pytest.param("騰訊控股首季收入錄得1500億元。", "1500億元", "騰訊控股", _bug("entity None"),
                 marks=_bug("traditional-script company 騰訊控股 not found")),
    ("湘潭县绿源蔬菜专业合作社今年种植辣椒800亩。", "800亩", "湘潭县绿源蔬菜专业合作社", True),
    pytest.param("“今年虾价好，光这一季就卖了18万元。”养殖户张德明笑着说。", "18万元", "张德明", _bug("entity None"),
                 marks=_bug("speaker after the quote (养殖户张德明笑着说) not found")),
    ("长沙县今年计划投资45亿元用于乡村振兴。", "45亿元", "长沙县", True),
    ("记者从湖南省农业农村厅获悉，今年全省早稻播种面积达到1850万亩。", "1850万亩", "湖南省", False),
    pytest.param("嫌疑人陈某以投资为名，骗取被害人刘女士积蓄12万元。", "12万元", "陈某", False,
                 marks=_bug("the object 刘女士 is taken, not the subject 陈某")),
    ("機管局表示，香港國際機場上月客運量達450萬人次。", "450萬人次", "香港國際機場", True),
    ("株洲市渌口区南洲镇今年发展油茶种植1.5万亩。", "1.5万亩", "株洲市渌口区南洲镇", False),
    # from an earlier sentence of the paragraph
    ("兴化市是全国闻名的水产之乡。全市水产品年产量超过30万吨。", "30万吨", "兴化市", True),
    # the earlier sentence's subject, not the last place it names
    ("三河镇位于清水县北部，距县城45公里，距临江市60公里。全镇共有农户9800户。", "9800户", "三河镇", True),
    # an exchange rate is about its currency, not the other side of 兑
    ("昨日人民币汇率中间价报7.12元。", "7.12元", "人民币", True),
    ("昨日韩元兑美元汇率收在1320韩元。", "1320韩元", "韩元", True),
    # nothing named before the number, nor in the paragraph: the name after it
    ("有30年教龄的刘老师今年退休。", "30年", "刘老师", True),
    # an ending glued into another word is no ending (股市, 楼市)
    ("近期国内股市成交额达到9000亿元。", "9000亿元", "国内", False),
    # 镇区 and 镇内 are parts of the place the text is about, no names
    ("平山乡地处丘陵。镇区面积2.5平方公里，镇内有小学3所。", "3所", "平山乡", True),
    ("近年来，平江县大力发展辣条产业。全县现有食品加工企业120余家。", "120余家", "平江县", True),
    ("龙山县地处武陵山区腹地。该县今年种植百合面积达8.5万亩。", "8.5万亩", "龙山县", True),
    pytest.param("比亚迪发布公告称，公司10月新能源汽车销量再创新高。当月销量达到30.1万辆，同比增长38.4%。",
                 "30.1万辆", "比亚迪", _bug("entity None"),
                 marks=_bug("company 比亚迪 in the earlier sentence not carried over")),
    # the claim's own sentence wins over an earlier one
    ("长沙市今年一季度经济运行总体平稳。其中，浏阳市完成地区生产总值360亿元。", "360亿元", "浏阳市", True),
    # from the headline
    pytest.param("株洲市一季度外贸进出口增长15.3%\n"
                 "　　据海关统计，一季度全市进出口总值达到98.7亿元。",
                 "98.7亿元", "株洲市", _bug("entity 海关"),
                 marks=_bug("the source 海关 (据海关统计) is taken; 全市 should resolve to the headline's 株洲市")),
    pytest.param("長和系業績公布 長實首半年盈利增5%\n"
                 "　　集團上半年錄得股東應佔溢利85億港元，董事會宣派中期息每股0.8元。",
                 "85億港元", "長實", _bug("entity None"),
                 marks=_bug("集團 not resolved to the headline's company 長實")),
    # the text names no entity
    ("研究表明，适量运动可使心血管疾病风险降低30%。", "30%", None, False),
    ("专家建议，成年人每天饮水量应在1500毫升左右。", "1500毫升", None, False),
]


# Rows from bugs found in review (issue 12), each failing before its fix.
ENTITIES_BUGS_CAUGHT = [
    ("株洲市财政收入平稳增长\n\n全市财政收入增长5%。\n\n另一篇报道\n\n全县共有耕地面积52万亩。", "52万亩", None, False),
    ("陈小姐寄出400封求职信。", "400封", "陈小姐", True),  # was "": a surname at the very start
]

# Classes of entities named in issue 13, in sentences written for this table.
ENTITIES_ISSUE_13 = [
    ("昨晚統計，全台已有12人受傷。", "12人", "全台", True),
    ("去年全国粮食总产量达6.9亿吨。", "6.9亿吨", "全国", True),
    ("台中市區昨日累積雨量達300毫米。", "300毫米", "台中", False),
    ("此外，彰化還有5人受困。", "5人", "彰化", True),
    ("本港上月失業率為3.2%。", "3.2%", "本港", True),
    ("西部地区商品房销售面积增长12%。", "12%", "西部地区", True),
    ("平台中共有300家商户入驻。", "300家", None, False),  # 台中 inside 平台中 is no place
    ("广东社会消费品零售总额增长6%，比全国高出1个百分点。", "1个百分点", "广东", True),
    ("刘德明联同5名同事赶到现场。", "5名", "刘德明", True),
    ("但黄志强18岁就开始经营茶园。", "18岁", "黄志强", True),
    # a stock market or index (market_names.txt)
    ("昨日上证指数收于3050点。", "3050点", "上证指数", True),
    ("港股本周成交额达5000亿港元。", "5000亿港元", "港股", True),
    # a name only jieba's tagger reads (no ending, no title)
    ("据悉，司徒浩然去年捐出300万元。", "300万元", "司徒浩然", False),
    # the person of the claim's own sentence before the place of the paragraph
    ("湘潭县去年种植水稻80万亩。当年农民罗建华承包了120亩。", "120亩", "罗建华", True),
    # an organisation holding its place is taken whole, a public body is not
    ("岳阳市洞庭渔业专业合作社去年养殖面积达3000亩。", "3000亩", "岳阳市洞庭渔业专业合作社", True),
    ("衡阳市统计局数据显示，全年增长6.5%。", "6.5%", "衡阳市", True),
    # a numeral that opens a place's name, and one that counts places
    ("五华县今年新建农村公路120公里。", "120公里", "五华县", True),
    ("全县共设3个街道，总人口12万人。", "12万人", None, False),
]

# Who speaks is not what the figure after the verb of speech is about
# (speech_verbs in word_lists.tsv), in sentences written for this table.
ENTITIES_SPEAKERS = [
    ("中信证券分析师王磊认为，今年汽车销量将增长5%。", "5%", None, False),
    ("李明说，他去年卖了300头猪。", "300头", None, False),
    ("張先生稱：今年公司營收增長5%。", "5%", None, False),
    ("湖南省统计局局长张明表示，长沙市上半年生产总值增长6%。", "6%", "长沙市", True),
    # a speaker after the figure is still the clause's subject before it
    ("王芳去年卖了300头猪，她说收入很好。", "300头", "王芳", True),
]

# A part of a place written right after it is part of the place
# (place_parts in word_lists.tsv); sentences written for this table.
ENTITIES_PLACE_PARTS = [
    ("黄河干流今年输沙量为3亿吨。", "3亿吨", "黄河干流", True),
    ("珠江流域上半年降雨量偏多20%。", "20%", "珠江流域", True),
    ("京津冀城市群常住人口超过1亿人。", "1亿人", "京津冀城市群", True),
    # 中部署: jieba reads 部署, no 中部 of the river
    ("长江中部署了3个监测站。", "3个", "长江", True),
]

# Occupations before a name (title_before in entity_suffixes.tsv), and a
# place a verb of motion leads to or from (place_directions in
# word_lists.tsv): sentences written for this table.
ENTITIES_PEOPLE_AND_DIRECTIONS = [
    ("浙江茶商梁建国与4名同乡一道收茶。", "4名", "梁建国", True),
    ("村民张明从广州运回300箱荔枝。", "300箱", "张明", True),
    ("菜农王小军昨日运往上海20吨蔬菜。", "20吨", "王小军", True),
    # no name before the place: the place stays
    ("从广州运回300箱荔枝。", "300箱", "广州", True),
    # a name of an earlier clause does not reach past the comma
    ("在贵州每公斤茶叶卖120元，到浙江后可卖四五百元。", "四五百元", "浙江", True),
    # a surname and a dictionary word is no name (全 / 全省进出口)
    ("全省进出口总额增长5%。", "5%", None, False),
    # common words jieba's dictionary tags as places (not_places.txt)
    ("今年新建住宅每平方米均价2.3万元。", "2.3万元", None, False),
    ("城市更新项目总投资50亿元。", "50亿元", None, False),
]

ENTITIES = (ENTITIES_WRITTEN + ENTITIES_BUGS_CAUGHT + ENTITIES_ISSUE_13 + ENTITIES_SPEAKERS
            + ENTITIES_PLACE_PARTS + ENTITIES_PEOPLE_AND_DIRECTIONS)


def _plain(row) -> tuple:
    return tuple(getattr(row, "values", row))


def _ids(rows: list) -> list[str]:
    return [f"{_plain(row)[0]} [{_plain(row)[1]}]".replace("\n", "/") for row in rows]


def _strict_rows(rows: list) -> list:
    """Rows with `exact` set, without the F1 test's marks; `exact` may carry its own."""
    strict = []
    for row in rows:
        values = _plain(row)
        exact = values[3]
        if exact is False or values[2] is None:
            continue
        marks = exact if isinstance(exact, pytest.MarkDecorator) else ()
        strict.append(pytest.param(*values[:3], marks=marks, id=_ids([row])[0]))
    return strict


def char_f1(gold: str, pred: str | None) -> float:
    """Characters in common as a multiset, F1 = 2PR/(P+R), as in tools/score.py.

    >>> round(char_f1("规模以上工业增加值", "全市规模以上工业增加值"), 3)
    0.9
    >>> char_f1("攸县", None)
    0.0
    """
    if not pred:
        return 0.0
    common = sum((Counter(gold) & Counter(pred)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def _claim(text: str, claim_text: str):
    """The claim overlapping most with the first occurrence of CLAIM_TEXT."""
    claims = extract(text)
    for c in claims:
        assert text[c.start : c.end] == c.text, c
    start = text.index(claim_text)
    end = start + len(claim_text)

    def overlap(c) -> int:
        return max(0, min(end, c.end) - max(start, c.start))

    best = max(claims, key=overlap, default=None)
    assert best is not None and overlap(best) > 0, (
        f"no claim at {claim_text!r}; got {[c.text for c in claims]}")
    return best


def _check_f1(field: str, text: str, claim_text: str, expected: str | None) -> None:
    actual = getattr(_claim(text, claim_text), field)
    if expected is None:
        assert actual is None, f"{field} {actual!r}, expected None"
    else:
        assert char_f1(expected, actual) >= 0.5, f"{field} {actual!r}, expected {expected!r}"


def _check_exact(field: str, text: str, claim_text: str, expected: str) -> None:
    actual = getattr(_claim(text, claim_text), field)
    assert actual == expected, f"{field} {actual!r}, expected {expected!r}"


@pytest.mark.parametrize(("text", "claim_text", "change"), CHANGES, ids=_ids(CHANGES))
def test_change(text: str, claim_text: str, change: str | None) -> None:
    assert _claim(text, claim_text).change == change


@pytest.mark.parametrize(("text", "claim_text", "qualifier"), QUALIFIERS, ids=_ids(QUALIFIERS))
def test_qualifier(text: str, claim_text: str, qualifier: str | None) -> None:
    assert _claim(text, claim_text).qualifier == qualifier


@pytest.mark.parametrize(("text", "claim_text", "expected", "exact"), MEASURES, ids=_ids(MEASURES))
def test_measure(text: str, claim_text: str, expected: str | None, exact) -> None:
    _check_f1("measure", text, claim_text, expected)


@pytest.mark.parametrize(("text", "claim_text", "expected"), _strict_rows(MEASURES))
def test_measure_strict(text: str, claim_text: str, expected: str) -> None:
    _check_exact("measure", text, claim_text, expected)


@pytest.mark.parametrize(("text", "claim_text", "expected", "exact"), TIMES, ids=_ids(TIMES))
def test_time(text: str, claim_text: str, expected: str | None, exact) -> None:
    _check_f1("time", text, claim_text, expected)


@pytest.mark.parametrize(("text", "claim_text", "expected"), _strict_rows(TIMES))
def test_time_strict(text: str, claim_text: str, expected: str) -> None:
    _check_exact("time", text, claim_text, expected)


@pytest.mark.parametrize(("text", "claim_text", "expected", "exact"), ENTITIES, ids=_ids(ENTITIES))
def test_entity(text: str, claim_text: str, expected: str | None, exact) -> None:
    _check_f1("entity", text, claim_text, expected)


@pytest.mark.parametrize(("text", "claim_text", "expected"), _strict_rows(ENTITIES))
def test_entity_strict(text: str, claim_text: str, expected: str) -> None:
    _check_exact("entity", text, claim_text, expected)
