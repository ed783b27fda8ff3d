#!/usr/bin/env python3
"""Writes tests/fixtures/<source-id>/ from the skeletons in shared research sources.md §4.

The pages reproduce the real sites' structure and traps; the texts of the 2026 China-Japan notices follow the
research timeline (§2.1). Run from the repository root: python3 tests/tools/make_fixtures.py. The output is committed.
"""
import json, os, html

ROOT = os.path.join(os.path.dirname(__file__), '..', 'fixtures')

def write(rel, text, encoding='utf-8'):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(text.encode(encoding))

# ---------------------------------------------------------------- MOFCOM detail pages
def mofcom_detail(title, number, date_cn, pubdate, paragraphs, annex_title=None, annex=(), attachment=None,
                  signature_date=None, source='安全与管制局', body_class='art-con art-con-bottonmLine', meta=True):
    esc = html.escape
    head_meta = f'''  <meta name="SiteName" content="中华人民共和国商务部">
  <meta name="ArticleTitle" content="{esc(title)}">
  <meta name="PubDate" content="{pubdate}">
  <meta name="ContentSource" content="{source}">
''' if meta else ''
    body = [f'    <p>【发布单位】{source}</p>', f'    <p>【发布文号】{esc(number)}</p>', f'    <p>【发文日期】{date_cn}</p>']
    body += [f'    <p style="text-indent: 2em;">{esc(p)}</p>' for p in paragraphs]
    if attachment:
        body.append(f'    <p>附件：<a href="{attachment[1]}">{esc(attachment[0])}</a></p>')
    if annex_title:
        body.append(f'    <p style="text-align:center;">{esc(annex_title)}</p>')
    for line in annex:
        body.append(f'    <p>{esc(line)}</p>')
    body.append('    <p style="text-align:right;">商务部</p>')
    if signature_date:
        body.append(f'    <p style="text-align:right;">{signature_date}</p>')
    body_html = '\n'.join(body)
    return f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
{head_meta}  <title>{esc(title)}_中华人民共和国商务部</title>
</head>
<body>
  <div class="header"><a href="/">首页</a> <a href="/xwfb/">新闻发布</a> <a href="/zcfb/">政策发布</a></div>
  <div class="position">首页 &gt; 政务公开 &gt; 政策发布</div>
  <h1 class="art-title">{esc(title)}</h1>
  <div class="art-info"><span>来源:{source}</span><span>类型:原创</span><span>{pubdate}</span></div>
  <div class="{body_class}">
{body_html}
  </div>
  <div class="footer">主办单位：中华人民共和国商务部 版权所有 联系电话：010-53771360</div>
</body>
</html>
'''

PREAMBLE = '根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》等法律法规有关规定，为维护国家安全和利益、履行防扩散等国际义务，'

CONTROL_11 = [
    '三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）',
    '三菱重工航空发动机株式会社（Mitsubishi Heavy Industries Aero Engines, Ltd.）',
    '三菱重工海洋钢结构株式会社（Mitsubishi Heavy Industries Marine Structure Co., Ltd.）',
    '三菱重工船用机械株式会社（Mitsubishi Heavy Industries Marine Machinery & Equipment Co., Ltd.）',
    '三菱重工机械系统株式会社（Mitsubishi Heavy Industries Machinery Systems, Ltd.）',
    '川崎航空宇宙系统株式会社（Kawasaki Aerospace Systems Co., Ltd.）',
    '川重岐阜工程株式会社（KAWAJU Gifu Engineering Co., Ltd.）',
    '富士通防卫与国家安全株式会社（Fujitsu Defense & National Security Limited）',
    '株式会社IHI航空宇宙（IHI Aerospace Co., Ltd.）',
    'IHI航空制造株式会社（IHI Aero Manufacturing Co., Ltd.）',
    'IHI主金属株式会社（IHI Master Metal Co., Ltd.）',
    'IHI喷气服务株式会社（IHI Jet Service Co., Ltd.）',
    'IHI航空宇宙工程株式会社（IHI Aerospace Engineering Co., Ltd.）',
    'IHI动力系统株式会社（IHI Power Systems Co., Ltd.）',
    'NEC网络与传感器系统株式会社（NEC Network and Sensor Systems, Ltd.）',
    'NEC航空宇宙系统株式会社（NEC Aerospace Systems, Ltd.）',
    '日本海洋联合株式会社（Japan Marine United Corporation）',
    'JMU防卫系统株式会社（JMU Defense Systems Co., Ltd.）',
    '防卫大学校（National Defense Academy of Japan）',
    '日本宇宙航空研究开发机构（Japan Aerospace Exploration Agency）',
]
WATCH_12 = [
    '株式会社斯巴鲁（SUBARU Corporation）',
    '富士航空宇宙技术株式会社（FUJI Aerospace Technology Co., Ltd.）',
    'ENEOS株式会社（ENEOS Corporation）',
    '输送机工业株式会社（Yusoki Kogyo K.K.）',
    '伊藤忠航空株式会社（ITOCHU Aviation Co., Ltd.）',
    '莱达集团（Leda Group）',
    '东京科学大学（Institute of Science Tokyo）',
    '三菱综合材料株式会社（Mitsubishi Materials Corporation）',
    'ASPP株式会社（ASPP Co., Ltd.）',
    '八洲电机株式会社（Yashima Denki Co., Ltd.）',
    '住友重机械工业株式会社（Sumitomo Heavy Industries, Ltd.）',
    'TDK株式会社（TDK Corporation）',
    '三井物产航空宇宙株式会社（Mitsui Bussan Aerospace Co., Ltd.）',
    '日野自动车株式会社（Hino Motors, Ltd.）',
    '东金株式会社（Tokin Corporation）',
    '日新电机株式会社（Nissin Electric Co., Ltd.）',
    '桑泰克特罗株式会社（Sun Tectro, Ltd.）',
    '日东电工株式会社（Nitto Denko Corporation）',
    '日油株式会社（NOF Corporation）',
    '纳卡莱泰思克株式会社（Nacalai Tesque, Inc.）',
]
CONTROL_27 = [
    ('防卫研究所（National Institute for Defense Studies）', '日本东京都新宿区市谷本村町5番1号', '162-8808'),
    ('防卫装备厅陆上装备研究所（Ground Systems Research Center）', '日本东京都世田谷区池尻1丁目2番24号', '154-8511'),
    ('防卫装备厅舰艇装备研究所（Naval Systems Research Center）', '日本东京都目黑区中目黑2丁目2番1号', '153-8630'),
    ('防卫装备厅航空装备研究所（Air Systems Research Center）', '日本东京都立川市荣町1丁目2番10号', '190-8533'),
    ('日兴特机株式会社（NIKKO TOKKI Co., Ltd.）', None, None),
    ('三菱电机防卫宇宙技术株式会社（MELCO Defense & Space Technologies Co., Ltd.）', '日本神奈川县镰仓市上町屋325番地', '247-8520'),
    ('三菱电机特机系统株式会社（Mitsubishi Electric Tokki Systems Corporation）', None, None),
    ('三菱精密株式会社（Mitsubishi Precision Co., Ltd.）', None, None),
    ('三菱电机工程株式会社（Mitsubishi Electric Engineering Company Limited）', None, None),
    ('三菱重工海洋株式会社（MHI Oceanics Co., Ltd.）', None, None),
    ('相模高科技株式会社（Sagami High-tech Co., Ltd.）', '日本神奈川县相模原市中央区田名3000番地', '252-0244'),
    ('三菱重工物流株式会社（MHI Logitec Co., Ltd.）', None, None),
    ('三菱重工船舶技术株式会社（MHI Maritech Co., Ltd.）', None, None),
    ('日本飞机制造株式会社（NIPPI Corporation）', '日本神奈川县横滨市金泽区昭和町3175番地', '236-8540'),
    ('东京计器株式会社（Tokyo Keiki Inc.）', None, None),
    ('新明和工业株式会社（ShinMaywa Industries, Ltd.）', None, None),
    ('株式会社日本制钢所（The Japan Steel Works, Ltd.）', None, None),
    ('岛津制作所航空设备株式会社（Shimadzu Aerospace Equipment Co., Ltd.）', None, None),
    ('日本航空电子工业株式会社（Japan Aviation Electronics Industry, Limited）', None, None),
    ('多摩川精机株式会社（Tamagawa Seiki Co., Ltd.）', None, None),
]
WATCH_28 = [
    ('三井E&S株式会社（Mitsui E&S Co., Ltd.）', '日本东京都中央区筑地5丁目6番4号', '104-8439'),
    ('Terra Drone株式会社（Terra Drone Corporation）', '日本东京都涩谷区涩谷2丁目22番3号', '150-0002'),
    ('ACSL株式会社（ACSL Ltd.）', '日本东京都江户川区临海町3丁目6番4号', '134-0086'),
    ('三菱原子燃料株式会社（Mitsubishi Nuclear Fuel Co., Ltd.）', None, None),
    ('日本原燃株式会社（Japan Nuclear Fuel Limited）', None, None),
    ('富士通网络解决方案株式会社（Fujitsu Network Solutions Limited）', None, None),
    ('日立先进系统株式会社（Hitachi Advanced Systems Corporation）', None, None),
    ('小松制作所株式会社（Komatsu Ltd.）', None, None),
    ('小松NTC株式会社（Komatsu NTC Ltd.）', None, None),
    ('冲电气工业株式会社（Oki Electric Industry Co., Ltd.）', None, None),
    ('OKI防卫系统株式会社（OKI Defense Systems Co., Ltd.）', None, None),
    ('OKI工程株式会社（OKI Engineering Co., Ltd.）', None, None),
    ('OKI网络株式会社（OKI Network Co., Ltd.）', None, None),
    ('OKI电子株式会社（OKI Electronics Co., Ltd.）', None, None),
    ('丰和工业株式会社（Howa Machinery, Ltd.）', None, None),
    ('细谷火工株式会社（Hosoya Pyro-Engineering Co., Ltd.）', None, None),
    ('藤仓降落伞株式会社（Fujikura Parachute Co., Ltd.）', None, None),
    ('日本Avionics株式会社（Nippon Avionics Co., Ltd.）', None, None),
    ('日本电气航空宇宙系统株式会社（NEC Space Technologies, Ltd.）', None, None),
    ('住友精密工业株式会社（Sumitomo Precision Products Co., Ltd.）', None, None),
]

def numbered(entries):
    lines = []
    for i, e in enumerate(entries, 1):
        if isinstance(e, tuple):
            name, addr, post = e
            lines.append(f'{i}.{name}')
            if addr:
                lines.append(f'地址：{addr}')
            if post:
                lines.append(f'邮编：{post}')
        else:
            lines.append(f'{i}.{e}')
    return lines

CONTROL_MEASURES = ['一、禁止出口经营者向上述20家实体出口两用物项；禁止境外组织和个人将原产于中华人民共和国的两用物项转移或提供给上述20家实体；正在开展的相关活动应当立即停止。',
                    '二、特殊情况下确需出口的，出口经营者应当向商务部提出申请。',
                    '本公告自公布之日起正式实施。']
WATCH_MEASURES = ['一、出口经营者向上述20家实体出口两用物项的，不得申请通用许可，不得以登记填报信息方式获得出口凭证。',
                  '二、出口经营者申请出口许可时，应当提交风险评估报告，并书面承诺所出口的两用物项不会用于提升日本军事实力。',
                  '三、关注名单内的实体配合核查、符合条件的，可以依申请调出关注名单。',
                  '本公告自公布之日起正式实施。']

A = 'cn-mofcom-announcements/site'
N1 = '/zcfb/zgdwjjmywg/art/2026/art_5eb791b008284131855c37cc70d84e26.html'
N11_LISTED = '/zcfb/blgg/gg/2026/art/2026/art_b5159a77e1f04c2d8a6b3e9d0c7f1a24.html'
N11_REAL = '/zwgk/zcfb/art/2026/art_b5159a77e1f04c2d8a6b3e9d0c7f1a24.html'
N12 = '/zcfb/blgg/gg/2026/art/2026/art_bac18400d2e94f7c9b1a5e3f6d8c0b17.html'
N12_FRAME = '/zcfb/blgg/gg/2026/art/2026/P020260224_bac18400_content.html'
N25 = '/zcfb/blgg/gg/2026/art/2026/art_b1ce17f4575c4eacb6e64941364998c1.html'
N27 = '/zcfb/blgg/gg/2026/art/2026/art_df87be14c2b34e6b9a0e4f5d3c2b1a70.html'
N28 = '/zcfb/blgg/gg/2026/art/2026/art_1a0adf5de9b84cd091992669d59e10d4.html'
N18 = '/zcfb/blgg/gg/2025/art/2025/art_9c2108ccaf754f22a34abab2fedaa944.html'
UEL7 = '/zcfb/blgg/gg/2025nswbgg/art/2025/art_7e31c0a2b4d94f6c8e5a1b2c3d4e5f60.html'

T1 = '商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告'
T11 = '商务部公告2026年第11号 公布将20家日本实体列入出口管制管控名单的决定'
T12 = '商务部公告2026年第12号 公布将20家日本实体列入关注名单的决定'
T25 = '商务部公告2026年第25号 关于对原产于加拿大的进口豌豆淀粉反倾销调查的初步裁定'
T27 = '商务部公告2026年第27号 公布将20家日本实体列入出口管制管控名单的决定'
T28 = '商务部公告2026年第28号 公布将20家日本实体列入关注名单的决定'

write(f'{A}/zcfb/blgg/gg/2026/index.html', f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="SiteName" content="中华人民共和国商务部">
  <meta name="ColumnName" content="公告">
  <title>公告_中华人民共和国商务部</title>
</head>
<body>
  <div class="header"><a href="/">首页</a> <a href="/zcfb/index.html">政策发布</a></div>
  <div class="position">首页 &gt; 政策发布 &gt; 部令公告 &gt; 公告</div>
  <div class="m-list">
    <ul class="policy-list f-mt20">
      <li>
        <a href="{N28}" title="{T28}" target="_blank">{T28}</a>
        <span>2026-06-29</span>
      </li>
      <li>
        <a href="{N27}" title="{T27}">商务部公告2026年第27号 公布将20家日本实体列入出口管制管…</a>
        <a href="/zcjd/art/2026/art_0d4c1b2a39e84f5fa6b7c8d9e0f1a2b3.html">政策解读</a>
        <span>2026-06-29</span>
      </li>
      <li>
        <a href="{N25}" title="{T25}">商务部公告2026年第25号 关于对原产于加拿大的进口豌豆淀粉反倾销调查的初步裁定</a>
        <span>2026-06-12</span>
      </li>
      <li>
        <a href="{N12}" title="{T12}" target="_blank">{T12}</a>
        <span>2026-02-24</span>
      </li>
      <li>
        <a href="{N11_LISTED}" title="{T11}" target="_blank">{T11}</a>
        <span>2026-02-24</span>
      </li>
      <li>
        <span>2026-01-06</span>
        <a href="https://www.mofcom.gov.cn{N1}" title="{T1}">{T1}</a>
      </li>
    </ul>
    <div class="page"><span>共6条</span></div>
  </div>
</body>
</html>
''')

write(f'{A}/zcfb/blgg/gg/2025/index.html', f'''<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>公告_中华人民共和国商务部</title></head>
<body>
  <div class="m-list">
    <ul class="policy-list f-mt20">
      <li><a href="{UEL7}" title="不可靠实体清单工作机制公告〔2025〕7号">不可靠实体清单工作机制公告〔2025〕7号</a><span>[2025-10-09]</span></li>
      <li><a href="{N18}" title="商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定">商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定</a><span>2025-04-04</span></li>
    </ul>
  </div>
</body>
</html>
''')

write(f'{A}{N1}', mofcom_detail(T1, '商务部公告2026年第1号', '2026年01月06日', '2026-01-06 18:00', [
    '根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》等法律法规有关规定，为维护国家安全和利益、履行防扩散等国际义务，商务部决定加强两用物项对日本出口管制。现将有关事项公告如下：',
    '一、禁止向日本军事用户、军事用途，以及一切有助于提升日本军事实力的最终用户和最终用途出口两用物项。',
    '二、任何国家和地区的组织和个人违反上述规定，将原产于中华人民共和国的两用物项转移或提供给日本组织和个人的，将依法追究法律责任。',
    '本公告自公布之日起正式实施。'], signature_date='2026年1月6日'))

write(f'{A}{N11_LISTED}', f'''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{T11}</title>
<script>var _cofing1={{href:"https://www.mofcom.gov.cn{N11_REAL}",type:"1"}};window.location.href=_cofing1.href;</script>
</head><body><p>页面跳转中……</p></body></html>
''')
write(f'{A}{N11_REAL}', mofcom_detail(T11, '商务部公告2026年第11号', '2026年02月24日', '2026-02-24 09:30',
    [PREAMBLE + '决定将三菱造船株式会社等20家参与提升日本军事实力的日本实体列入出口管制管控名单（见附件），并采取以下措施：'] + CONTROL_MEASURES,
    annex_title='出口管制管控名单', annex=['（2026年2月24日）'] + numbered(CONTROL_11),
    attachment=('出口管制管控名单.pdf', '/cms_files/filemanager/1941736654/attach/20262/P020260224593271234567.pdf'),
    signature_date='2026年2月24日'))

write(f'{A}{N12}', f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="SiteName" content="中华人民共和国商务部">
  <meta name="ArticleTitle" content="{T12}">
  <meta name="PubDate" content="2026-02-24 09:30">
  <title>{T12}_中华人民共和国商务部</title>
</head>
<body>
  <h1 class="art-title">{T12}</h1>
  <div class="art-info"><span>来源:安全与管制局</span><span>2026-02-24 09:30</span></div>
  <div class="art-con art-con-bottonmLine">
    <iframe src="{N12_FRAME}" width="100%" height="1600" frameborder="0"></iframe>
  </div>
</body>
</html>
''')
write(f'{A}{N12_FRAME}', mofcom_detail(T12, '商务部公告2026年第12号', '2026年02月24日', '2026-02-24 09:30',
    [PREAMBLE + '决定将株式会社斯巴鲁等20家日本实体列入关注名单（见附件），并采取以下措施：'] + WATCH_MEASURES,
    annex_title='关注名单', annex=numbered(WATCH_12), signature_date='2026年2月24日', meta=False))

write(f'{A}{N27}', mofcom_detail(T27, '商务部公告2026年第27号', '2026年06月29日', '2026-06-29 17:00',
    [PREAMBLE + '决定将防卫研究所等20家参与提升日本军事实力的日本实体列入出口管制管控名单（见附件），并采取以下措施：'] + CONTROL_MEASURES,
    annex_title='出口管制管控名单', annex=numbered(CONTROL_27),
    attachment=('附件：出口管制管控名单', '/cms_files/filemanager/1941736654/attach/20266/P020260629611223344556.docx'),
    signature_date='2026年6月29日'))

write(f'{A}{N28}', mofcom_detail(T28, '商务部公告2026年第28号', '2026年06月29日', '2026-06-29 17:00',
    [PREAMBLE + '决定将三井E&S株式会社等20家日本实体列入关注名单（见附件），并采取以下措施：'] + WATCH_MEASURES,
    annex_title='关注名单', annex=numbered(WATCH_28), signature_date='2026年6月29日'))

write(f'{A}{N25}', mofcom_detail(T25, '商务部公告2026年第25号', '2026年06月12日', '2026-06-12 10:00', [
    '2025年7月14日，商务部（以下称调查机关）发布2025年第30号公告，决定对原产于加拿大的进口豌豆淀粉进行反倾销调查。',
    '调查机关对被调查产品是否存在倾销和倾销幅度、被调查产品是否对国内产业造成损害及损害程度以及倾销与损害之间的因果关系进行了调查。根据调查结果，依据《中华人民共和国反倾销条例》第二十四条的规定，调查机关作出初裁。',
    '被调查产品名称：豌豆淀粉。该产品归在《中华人民共和国进出口税则》：11081900。',
    '自2026年6月13日起，进口经营者在进口被调查产品时，应依据本初裁所确定的各公司保证金比率向中华人民共和国海关提供相应的保证金。'],
    source='贸易救济调查局', signature_date='2026年6月12日'))

write(f'{A}{N18}', mofcom_detail('商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定',
    '商务部 海关总署公告2025年第18号', '2025年04月04日', '2025-04-04 18:00', [
    '根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益、履行防扩散等国际义务，经国务院批准，决定对部分中重稀土相关物项实施出口管制。有关事项公告如下：',
    '一、满足以下特性的物项，未经许可，不得出口：',
    '（一）钐相关物项。1C902.a. 钐金属、钐合金、钐靶材、钐钴磁体材料。参考海关商品编号：2805301910、3824999922、8486909110。',
    '1C902.b. 氧化钐。参考海关商品编号：2846901940。',
    '（二）钆相关物项。1C903.a. 钆金属及合金。参考税则号列：28053019、2846.9019.93。',
    '本公告自公布之日起正式实施。'], signature_date='2025年4月4日'))

write(f'{A}{UEL7}', mofcom_detail('不可靠实体清单工作机制公告〔2025〕7号 关于将14家外国实体列入不可靠实体清单的决定',
    '不可靠实体清单工作机制公告〔2025〕7号', '2025年10月09日', '2025-10-09 15:00', [
    '根据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，不可靠实体清单工作机制决定将以下14家外国实体列入不可靠实体清单：',
    '1.泰科因赛斯公司（TechInsights Inc.）',
    '2.泰科因赛斯日本株式会社（TechInsights Japan KK）',
    '本决定自公布之日起施行。'], source='不可靠实体清单工作机制'))

# variants (not served by the end-to-end site)
V = 'cn-mofcom-announcements/variants'
write(f'{V}/index-empty.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>公告_中华人民共和国商务部</title></head>
<body><div class="m-list"><ul class="policy-list f-mt20"></ul><div class="page">暂无数据</div></div></body></html>
''')
write(f'{V}/xkzj-mirror-58.html', mofcom_detail('商务部 海关总署公告2025年第58号 公布对锂电池和人造石墨负极材料相关物项实施出口管制的决定',
    '商务部 海关总署公告2025年第58', '20251009', '2025-10-10 09:00', [
    '根据《中华人民共和国出口管制法》等法律法规有关规定，决定对锂电池和人造石墨负极材料相关物项实施出口管制。',
    '3A001 质量能量密度大于或等于300Wh/kg的锂离子电池。参考税则号列：85076000。',
    '3C901.a.1 磷酸铁锂正极材料。参考税则号列：28429040。',
    '本公告自2025年11月8日起正式实施。'], source='安全与管制局'))
write(f'{V}/detail-hostile-title.html', mofcom_detail('商务部公告2026年第99号 <script>alert(1)</script>关于<b>测试</b>',
    '商务部公告2026年第99号', '2026年03月01日', '2026-03-01 10:00', ['HOSTILE本公告自公布之日起施行。']).replace('HOSTILE', '<img src=x onerror=alert(1)><script>alert(2)</script>'))
write(f'{V}/detail-gbk.html', mofcom_detail(T1, '商务部公告2026年第1号', '2026年01月06日', '2026-01-06 18:00', [
    '一、禁止向日本军事用户、军事用途出口两用物项。', '本公告自公布之日起正式实施。']).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'), encoding='gbk')

# ---------------------------------------------------------------- cn-mofcom-bis (JPaaS)
B = 'cn-mofcom-bis'
write(f'{B}/shell.html', '''<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>规章及规范性文件_安全与管制局</title></head>
<body>
  <div class="position">首页 &gt; 法律法规 &gt; 规章及规范性文件</div>
  <div id="list-wrap"></div>
  <script id="u_list" src="/module/jpage/unitbuild.js"
          queryData="{'webId':'b28941ad4e064442856787562c9a4961','pageId':'79d6d2c4e44d458180d37dd4f0996645','tplSetId':'DDBav9QvwJVbs9iznQVmO','tagId':'信息列表','parseType':'bulidstatic','pageType':'column'}"></script>
</body></html>
''')
write(f'{B}/shell-no-querydata.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>规章及规范性文件</title></head>
<body><div id="list-wrap"></div><script src="/module/jpage/unitbuild.js"></script></body></html>
''')
bis_html = ('<ul class="list">'
  '<li><a href="/flzc/gzjgfxwj/art/2026/art_cddc4316cde145edb878144b2772719d.html" title="' + T11 + '" target="_blank">' + T11 + '</a><span>[2026-02-24]</span></li>'
  '<li><a href="/flzc/gzjgfxwj/art/2026/art_5b2e8f1a0c3d4e6f8a9b0c1d2e3f4a5b.html" title="' + T1 + '" target="_blank">' + T1 + '</a><span>[2026-01-06]</span></li>'
  '</ul>')
write(f'{B}/api.json', json.dumps({'success': True, 'code': '0', 'data': {'html': bis_html}}, ensure_ascii=False))
write(f'{B}/api-no-data.json', json.dumps({'success': False, 'code': '500', 'message': '系统繁忙'}, ensure_ascii=False))
write(f'{B}/detail-11.html', mofcom_detail(T11, '商务部公告2026年第11号', '2026年02月24日', '2026-02-24 09:30',
    [PREAMBLE + '决定将三菱造船株式会社等20家日本实体列入出口管制管控名单（见附件）。'] + CONTROL_MEASURES,
    annex_title='出口管制管控名单', annex=numbered(CONTROL_11)))
write(f'{B}/detail-1.html', mofcom_detail(T1, '商务部公告2026年第1号', '2026年01月06日', '2026-01-06 18:00', [
    '一、禁止向日本军事用户、军事用途，以及一切有助于提升日本军事实力的最终用户和最终用途出口两用物项。', '本公告自公布之日起正式实施。']))

# ---------------------------------------------------------------- cn-mofcom-exportcontrol
E = 'cn-mofcom-exportcontrol'
rows = [
    {'id': 1206, 'title': T1, 'url': '/article/zcfg/gnzcfg/zcfggzqd/202601/1206.html', 'publishTimeStr': '2026-01-06 18:05:00', 'source': '安全与管制局', 'columnName': '规章及规范性文件', 'content': ''},
    {'id': 1209, 'title': T11, 'url': '/article/zcfg/gnzcfg/zcfggzqd/202602/1209.html', 'publishTimeStr': '2026-02-26 10:00:00', 'source': '安全与管制局', 'columnName': '规章及规范性文件', 'content': ''},
    {'id': 1072, 'title': '商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告', 'url': '/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html', 'publishTimeStr': '2024-12-17 09:00:00', 'source': '安全与管制局', 'columnName': '规章及规范性文件', 'content': ''},
]
write(f'{E}/columnlist.json', json.dumps({'pageInfo': {'pageNumber': 1, 'maxPageNum': 12, 'rows': rows}}, ensure_ascii=False))
bad = [dict(r, title='?' * len(r['title']), source='?????', columnName='????????') for r in rows]
write(f'{E}/columnlist-mojibake.json', json.dumps({'pageInfo': {'pageNumber': 1, 'maxPageNum': 12, 'rows': bad}}, ensure_ascii=False))
def ec_detail(title, number, date, paragraphs):
    ps = '\n'.join(f'<p>{html.escape(p)}</p>' for p in paragraphs)
    return f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script>var title = "{title}"; var source = "安全与管制局"; var articleType = "原创"; var publishTime = "{date}";</script></head>
<body><div class="nav">中国出口管制信息网</div><div class="artCon">
<p>【发布单位】安全与管制局</p><p>【发布文号】{number}</p><p>【发文日期】{date[:4]}年{date[5:7]}月{date[8:10]}日</p>
{ps}</div></body></html>
'''
write(f'{E}/detail-1206.html', ec_detail(T1, '商务部公告2026年第1号', '2026-01-06', ['一、禁止向日本军事用户、军事用途出口两用物项。', '本公告自公布之日起正式实施。']))
write(f'{E}/detail-1072.html', ec_detail('商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告', '商务部公告2024年第46号', '2024-12-03', [
    '一、禁止两用物项对美国军事用户或军事用途出口。', '二、原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口。', '本公告自公布之日起正式实施。']))

# ---------------------------------------------------------------- cn-mofcom-spokesperson
S = 'cn-mofcom-spokesperson'
write(f'{S}/list.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻发言人谈话_中华人民共和国商务部</title></head>
<body><ul class="txtList_01">
<li><a href="/xwfb/xwfyrth/art/2026/art_4a1b2c3d4e5f40718293a4b5c6d7e8f9.html" title="商务部新闻发言人就将20家日本实体列入出口管制管控名单和关注名单答记者问">商务部新闻发言人就将20家日本实体列入出口管制管控名单和关注名单答记者问</a><span>2026-02-24</span></li>
<li><a href="/xwfb/xwfyrth/art/2026/art_0f9e8d7c6b5a49382716a5b4c3d2e1f0.html" title="商务部新闻发言人就加强两用物项对日本出口管制答记者问">商务部新闻发言人就加强两用物项对日本出口管制答记者问</a><span>2026-01-06</span></li>
</ul></body></html>
''')
write(f'{S}/detail-0106.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="ArticleTitle" content="商务部新闻发言人就加强两用物项对日本出口管制答记者问"><meta name="PubDate" content="2026-01-06 18:30"></head>
<body><div class="art-con art-con-bottonmLine">
<p>问：商务部发布公告，加强两用物项对日本出口管制，请问出台该措施的背景和考虑是什么？</p>
<p>答：日本领导人近期公然发表涉台错误言论，……中方决定禁止所有两用物项对日本军事用户、军事用途以及一切有助于提升日本军事实力的最终用户用途出口。</p>
</div></body></html>
''')

# ---------------------------------------------------------------- cn-gacc-announcements
G = 'cn-gacc-announcements'
write(f'{G}/list.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>海关总署公告</title></head>
<body><div class="conList"><ul class="conList_ul">
<li><a href="/customs/302249/302266/302267/6543210/index.html" title="海关总署公告2026年第3号（关于发布2026年两用物项和技术进出口许可证管理目录的公告）">海关总署公告2026年第3号（关于发布…）</a><span>2026-01-05</span></li>
<li><a href="/customs/302249/302266/302267/6543211/index.html" title="海关总署公告2026年第12号（关于进一步规范两用物项出口申报的公告）">海关总署公告2026年第12号</a><span>2026-02-10</span></li>
</ul></div></body></html>
''')
write(f'{G}/cookie-wall-200.html', '''<html><head><meta charset="utf-8"></head><body><script>document.cookie=('__jsl_clearance=1764312345.123|0|'+(function(){return 'abc'})())+';Max-age=3600;path=/';location.href=location.pathname+location.search</script></body></html>
''')
write(f'{G}/detail-3.html', '''<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>海关总署公告2026年第3号</title></head>
<body><div class="easysite-news-title"><h2>海关总署公告2026年第3号（关于发布2026年两用物项和技术进出口许可证管理目录的公告）</h2></div>
<div class="easysite-news-describe">2026-01-05 16:20</div><div class="easysite-news-operation">打印 关闭</div>
<div class="easysite-news-peruse"><p>根据《中华人民共和国出口管制法》等法律法规，商务部、海关总署公布《两用物项和技术进出口许可证管理目录》，自2026年1月1日起执行。</p>
<p>附件：<a href="/customs/302249/302266/302267/6543210/2026010516201234.xlsx">两用物项和技术进出口许可证管理目录</a></p></div></body></html>
''')

# ---------------------------------------------------------------- jp-meti-press
M = 'jp-meti-press'
write(f'{M}/index.html', '''<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>ニュースリリース（METI/経済産業省）</title>
<link rel="stylesheet" href="/css_2025/style.css">
<script src="/js_2025/ewbc.min.js" id="pt_loader"></script>
</head>
<body id="pagetop">
  <div id="main" tabindex="120">
    <div class="bg-g"><div class="w1000">
      <div class="pan"><ol><li><a href="/index.html">ホーム</a></li><li>ニュースリリース</li></ol></div>
      <h1 id="MainContentsArea">ニュースリリース</h1>
    </div></div>
    <div class="main w1000">
      <h2>カテゴリーから選ぶ</h2>
      <ul class="clearfix category_box">
        <li class="bg02"><a href="/press/category_02.html" class="clearfix"><p>対外経済</p></a></li>
        <li class="bg06"><a href="/press/category_06.html" class="clearfix"><p>安全・安心</p></a></li>
      </ul>
      <h2>最新ニュースリリース</h2>
      <ul class="clearfix float_li">
        <li class="clearfix">
          <div class="left img_box"><img src="/files/000000077.jpg" alt="対外経済"></div>
          <div class="left txt_box"><p>2026年1月7日</p><a class="cut_txt" href="/press/2026/01/20260107003.html">中国による我が国向け輸出管理措置に関する申入れを行いました</a></div>
        </li>
        <li class="clearfix">
          <div class="left img_box"><img src="/files/000000080.jpg" alt="中小企業・地域経済産業"></div>
          <div class="left txt_box"><p>2026年1月6日</p><a class="cut_txt" href="/press/2026/01/20260106001.html"> 令和8年1月の大雨に伴う災害に関して被災中小企業・小規模事業者支援措置を行います</a></div>
        </li>
        <li class="clearfix">
          <div class="left img_box"><img src="/files/000000077.jpg" alt="対外経済"></div>
          <div class="left txt_box"><p>2025年9月29日</p><a class="cut_txt" href="/press/2025/09/20250929004/20250929004.html">外国ユーザーリストを改正しました</a></div>
        </li>
      </ul>
      <a href="/press/archive.html" class="lnkPosR">アーカイブはこちら</a>
    </div>
  </div>
</body>
</html>
''')
write(f'{M}/index-legacy.html', '''<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>ニュースリリース（METI/経済産業省）</title></head>
<body><div id="main"><dl id="release_menulist">
<dt>2024年5月10日</dt><dd><a href="/press/2024/05/20240510001/20240510001.html">輸出貿易管理令の一部を改正する政令が閣議決定されました</a></dd>
<dt>2024年5月9日</dt><dd><a href="/press/2024/05/20240509002/20240509002.html">外国為替及び外国貿易法に基づく行政処分を行いました</a></dd>
</dl></div></body></html>
''')
write(f'{M}/waf-403.html', '''<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>Request blocked. Generated by cloudfront (CloudFront)</p></body></html>
''')
write(f'{M}/detail-20260107003.html', '''<!DOCTYPE html>
<html lang="ja"><head><meta charset="UTF-8"><title>中国による我が国向け輸出管理措置に関する申入れを行いました（METI/経済産業省）</title></head>
<body><div id="main"><div class="main w1000">
<h1>中国による我が国向け輸出管理措置に関する申入れを行いました</h1>
<p class="date">2026年1月7日</p>
<p>令和8年1月6日、中国商務部は、我が国向けの両用品目の輸出管理を強化する旨の公告（商務部公告2026年第1号）を発表しました。</p>
<p>我が国のみをターゲットにした今般の措置は、国際的な慣行と大きく異なり、決して許容できず、極めて遺憾です。経済産業省から中国側に対し、強く抗議するとともに、措置の撤回を求める申入れを行いました。</p>
<p>担当：貿易経済安全保障局 安全保障貿易管理課</p>
</div></div></body></html>
''')
write(f'{M}/detail-shift_jis.html', '''<!DOCTYPE html>
<html lang="ja"><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>外国ユーザーリストを改正しました（METI/経済産業省）</title></head>
<body><div id="main"><div class="main w1000">
<h1>外国ユーザーリストを改正しました</h1>
<p>2025年9月29日</p>
<p>経済産業省は、大量破壊兵器等の開発等の懸念が払拭されない外国所在団体の情報を提供する外国ユーザーリストを改正しました。本改正は令和7年9月29日から施行します。</p>
</div></div></body></html>
''', encoding='shift_jis')

# ---------------------------------------------------------------- jp-meti-anpo
P = 'jp-meti-anpo'
def anpo(title, date_line, links):
    items = '\n'.join(f'<li><a href="{h}">{html.escape(t)}</a></li>' for t, h in links)
    return f'''<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>{title}｜安全保障貿易管理｜経済産業省</title></head>
<body><div id="__main_contents"><h1>{title}</h1>
<p>{date_line}</p>
<ul>
{items}
</ul></div></body></html>
'''
write(f'{P}/law00.html', anpo('関係法令・改正情報', '最終更新日：令和7年9月29日', [('外国ユーザーリスト（Excel）', '/policy/anpo/law_document/20250929_4.xlsx'), ('輸出貿易管理令の一部を改正する政令（PDF）', '/policy/anpo/law_document/kaisei/20250822_seirei.pdf')]))
write(f'{P}/law05.html', anpo('外国ユーザーリスト', '令和7年9月29日 外国ユーザーリストを改正しました。', [('外国ユーザーリスト（PDF）', '/policy/anpo/law_document/tutatu/t10kaisei/enduser_list_20250929.pdf')]))
write(f'{P}/law05-updated.html', anpo('外国ユーザーリスト', '令和8年3月2日 外国ユーザーリストを改正しました。', [('外国ユーザーリスト（PDF）', '/policy/anpo/law_document/tutatu/t10kaisei/enduser_list_20260302.pdf')]))
write(f'{P}/law09.html', anpo('改正情報', '令和8年1月6日 輸出貿易管理令の改正について（令和8年4月1日から施行）', [('改正概要（PDF）', '/policy/anpo/law_document/kaisei/20260106_gaiyo.pdf')]))

# ---------------------------------------------------------------- jp-mofa-press-ja / en
J = 'jp-mofa-press-ja'
write(f'{J}/index.html', '''<!DOCTYPE html>
<html lang="ja">
<head><meta charset="UTF-8"><title>報道発表｜外務省</title></head>
<body>
  <div id="contents-header"><h1 class="title1"><span>報道発表</span></h1></div>
  <div id="contents-body"><div id="main">
    <div id="maincontents">
      <div class="rightalign archive-link"><a href="#archives">過去の記録(<span lang="en">Archives</span>)</a></div>
      <div class="main-section section"><div class="text"><div class="any-area"><h2 class="hpTitle"><span>今月の報道発表</span></h2></div></div></div>
      <div class="main-section index1">
        <div id="pressrelease">
          <dl class="title-list">
            <dt class="list-title">1月8日付</dt>
            <dd><ul class="link-list">
              <li><a href="/mofaj/press/release/pressit_000001_03601.html">船越外務事務次官と呉江浩駐日中国大使との会談</a></li>
            </ul></dd>
            <dt class="list-title">1月6日付</dt>
            <dd><ul class="link-list">
              <li><a href="/mofaj/a_o/c_m1/cn/page1_000000.html">日中関係</a></li>
              <li><a href="/mofaj/press/release/pressit_000001_03598.html">中国による対日両用品目輸出管理措置の強化について（抗議）</a></li>
            </ul></dd>
            <dt class="list-title">12月26日付</dt>
            <dd><ul class="link-list">
              <li><a href="/mofaj/press/release/pressit_000001_03570.html">日中外相電話会談</a></li>
            </ul></dd>
          </dl>
        </div>
      </div>
      <div id="archives"><ul><li><a href="/mofaj/press/release/r8/index.html">令和8年</a></li></ul></div>
    </div>
  </div></div>
</body>
</html>
''')
write(f'{J}/detail-03598.html', '''<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><meta property="og:title" content="中国による対日両用品目輸出管理措置の強化について（抗議）"><title>中国による対日両用品目輸出管理措置の強化について（抗議）｜外務省</title></head>
<body><div id="maincontents"><h1 class="title1">中国による対日両用品目輸出管理措置の強化について（抗議）</h1>
<p class="rightalign">令和8年1月6日</p>
<ol><li>本6日、中国商務部は、日本向けの両用品目の輸出管理を強化する旨を発表しました。</li>
<li>これを受け、同日、金井正彰アジア大洋州局長から在京中国大使館の施泳次席公使に対し、我が国のみを対象とした今般の措置は国際的な慣行と大きく異なり、決して許容できず、極めて遺憾である旨抗議し、措置の撤回を強く求めました。</li></ol>
</div></body></html>
''')
N = 'jp-mofa-press-en'
write(f'{N}/index.html', '''<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Press Releases | Ministry of Foreign Affairs of Japan</title></head>
<body><div id="maincontents"><div id="pressrelease">
<dl class="title-list">
<dt class="list-title">January 8</dt>
<dd><ul class="link-list"><li><a href="/press/release/pressite_000001_01402.html">Meeting between Vice-Minister for Foreign Affairs Funakoshi and Ambassador of China to Japan Wu Jianghao</a></li></ul></dd>
<dt class="list-title">January 6</dt>
<dd><ul class="link-list"><li><a href="/region/asia-paci/china/index.html">Japan-China Relations</a></li>
<li><a href="/press/release/pressite_000001_01398.html">Protest regarding China's strengthening of export controls on dual-use items to Japan</a></li></ul></dd>
<dt class="list-title">December 26</dt>
<dd><ul class="link-list"><li><a href="/press/release/press6e_000712.html">Japan-China Foreign Ministers' Telephone Talk</a></li></ul></dd>
</dl></div></div></body></html>
''')
write(f'{N}/detail-01398.html', '''<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Protest regarding China's strengthening of export controls on dual-use items to Japan</title></head>
<body><div id="maincontents"><h1>Protest regarding China's strengthening of export controls on dual-use items to Japan</h1>
<p>January 6, 2026</p>
<p>1. On January 6, the Ministry of Commerce of China announced that it would strengthen export controls on dual-use items to Japan.</p>
<p>2. In response, Mr. KANAI Masaaki, Director-General of the Asian and Oceanian Affairs Bureau, lodged a protest with Mr. Shi Yong, Deputy Chief of Mission of the Embassy of China in Japan, stating that the measure, targeting only Japan, deviates significantly from international practice, is absolutely unacceptable and deeply regrettable, and strongly requested its withdrawal.</p>
</div></body></html>
''')

# ---------------------------------------------------------------- jp-kantei-news
K = 'jp-kantei-news'
write(f'{K}/index-jnews.rdf', '''<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>首相官邸</title>
<link>https://www.kantei.go.jp/</link>
<description>首相官邸の新着情報</description>
<item><title>内閣官房長官記者会見</title><link>https://www.kantei.go.jp/jp/tyoukanpress/202601/7_a.html</link>
<description/><pubDate>07 Jan 2026 12:10:00 +0900</pubDate><guid isPermaLink="false">item_1</guid>
<category>首相官邸 新着情報</category></item>
<item><title>中国による対日輸出管理措置について（官房長官談話）</title><link/>
<description/><pubDate>07 Jan 2026 18:00:00 +0900</pubDate><guid isPermaLink="false">item_2</guid>
<category>首相官邸 長官談話など</category></item>
<item><title>総理の一日</title><link>https://www.kantei.go.jp/jp/105/actions/202601/06actions.html</link>
<description/><pubDate>06 Jan 2026 20:00:00 +0900</pubDate><guid isPermaLink="false">item_3</guid>
<category>首相官邸 総理の一日</category></item>
</channel>
</rss>
''')
write(f'{K}/tyoukanpress-7_a.html', '''<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>令和8年1月7日（水）午前 | 内閣官房長官記者会見 | 首相官邸ホームページ</title></head>
<body><div id="main"><h1>令和8年1月7日（水）午前</h1>
<p>令和8年1月7日</p>
<p>冒頭発言 中国による対日輸出管理措置について</p>
<p>我が国のみをターゲットにした今般の措置は国際的な慣行と大きく異なり、決して許容できず極めて遺憾だ。</p>
</div></body></html>
''')
write(f'{K}/fake-not-found.html', '''<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Page Not Found | Prime Minister's Office of Japan</title></head>
<body><div class="error"><h1>Page Not Found</h1><p>The page you are looking for may have been removed.</p></div></body></html>
''')
print('fixtures written under', os.path.abspath(ROOT))
