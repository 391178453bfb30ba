#!/usr/bin/env python3
"""Generate a synthetic zh-CN help-center corpus for the helpcenter build benchmark.

    python3 bench/gen_corpus.py --articles N --sections K --out DIR [--format helpcenter|hugo]

Standard library only; the output is a pure function of (articles, sections, seed,
format): the same arguments always give byte-identical files.

Site layout (helpcenter format):
    DIR/helpcenter.yaml
    DIR/content/_index.md                 home page
    DIR/content/sNN/_index.md             section: title, description, weight
    DIR/content/sNN/aNNNNN.md             article (numbered globally, contiguous per section)

Article front matter uses only: title, description, date, updated, tags, weight,
related. Bodies hold 2-5 `##` headings, one ordered step list, a table in ~1/3 of
the articles, a `> [!TYPE]` callout in ~1/2 and 1-3 relative `.md` links to other
articles (some with `#anchor` to a heading of the target). Headings contain no
punctuation and at most single spaces between Latin and Chinese words, so their id
is unambiguous: spaces -> '-', ASCII lower-cased (e.g. `在 App 中操作` -> `在-app-中操作`).

`--code` adds 1-4 fenced code blocks (SQL, shell, JSON, YAML, JavaScript, TypeScript,
Python, Go, diff; 5-18 lines each) to about 80% of the articles, after the prose, which
stays byte-identical: code is then about 13% of the bytes, as in Vite's docs (TiDB's: 21%). It is
the corpus on which the cost of code highlighting is measured.

`--format hugo` writes the same pages as a Hugo site (hugo.toml, minimal layouts),
with links rewritten to plain relative URLs, `updated` -> `lastmod` and
`related` -> `pinned` (a page param).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import unicodedata
from datetime import datetime, timedelta

SEED = 20240407
SITE_TITLE = "基准测试帮助中心"
BASE_URL = "https://bench.example.com/"
MIN_BYTES = 1600          # whole article file, UTF-8
MAX_BYTES = 3900          # hard cap stays below 4 KiB

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

# Each domain: section sub-topics, nouns (objects), verbs (actions on them),
# problems, tags, and aspects used for titles and headings.
DOMAINS = {
    "account": {
        "name": "账户与登录",
        "subtopics": ["注册与开户", "登录问题", "实名认证", "个人信息修改", "手机号变更", "账户注销",
                      "账户冻结与解冻", "多设备登录", "子账户管理", "企业账户", "账户等级", "证件更新"],
        "nouns": ["账户", "登录密码", "手机号", "实名信息", "身份证件", "用户名", "绑定邮箱", "头像与昵称",
                  "登录设备", "账户等级", "企业账户", "子账户", "验证码", "账户 ID", "会员资料", "安全手机",
                  "证件有效期", "人脸信息", "常用地址", "紧急联系人", "授权记录", "第三方账号"],
        "verbs": ["注册", "登录", "修改", "绑定", "解绑", "找回", "注销", "认证", "更新", "冻结", "解冻",
                  "切换", "查看", "补充", "重新验证"],
        "problems": ["无法登录", "提示已被注册", "收不到验证码", "认证失败", "显示异常", "被临时冻结",
                     "信息不一致", "登录后自动退出", "无法解绑"],
        "tags": ["账户安全", "登录", "注册", "实名认证", "手机号", "密码找回", "账户注销", "企业账户",
                 "证件", "验证码"],
    },
    "payment": {
        "name": "支付与收款",
        "subtopics": ["扫码支付", "快捷支付", "Apple Pay", "WeChat 支付", "免密支付", "收款码",
                      "支付限额", "订单查询", "退款处理", "支付失败", "跨境支付", "NFC 支付"],
        "nouns": ["支付订单", "收款码", "付款码", "快捷支付", "免密支付", "支付限额", "支付方式", "退款",
                  "交易记录", "电子回单", "商户订单", "NFC 功能", "WeChat 支付", "Apple Pay", "扣款顺序",
                  "支付渠道", "收款账户", "优惠券", "交易凭证", "银行卡", "零钱余额", "自动扣费协议"],
        "verbs": ["支付", "收款", "退款", "查询", "开通", "关闭", "设置", "调整", "申请", "撤销", "确认",
                  "导出", "核对", "更换", "授权"],
        "problems": ["支付失败", "重复扣款", "退款未到账", "提示超出限额", "订单状态异常", "无法扫码",
                     "扣款后订单未更新", "显示交易处理中", "被商户拒绝"],
        "tags": ["支付", "扫码支付", "退款", "支付限额", "快捷支付", "免密支付", "收款", "交易记录",
                 "Apple Pay", "WeChat"],
    },
    "credit": {
        "name": "信用卡与额度",
        "subtopics": ["办卡申请", "激活与开卡", "账单查询", "信用额度", "临时额度", "分期付款",
                      "积分与权益", "年费说明", "挂失与补卡", "境外用卡", "附属卡", "逾期与征信"],
        "nouns": ["信用卡", "信用额度", "临时额度", "账单", "账单日", "还款日", "最低还款额", "分期",
                  "积分", "年费", "附属卡", "卡片有效期", "CVV 安全码", "征信记录", "权益", "取现额度",
                  "境外交易", "消费明细", "免息期", "违约金", "卡片状态", "自动还款"],
        "verbs": ["申请", "激活", "查询", "调整", "还款", "分期", "兑换", "挂失", "补办", "注销", "开通",
                  "提升", "设置", "减免", "核对"],
        "problems": ["额度不足", "账单金额有误", "激活失败", "分期申请未通过", "积分未到账", "被收取年费",
                     "出现逾期记录", "境外交易被拒", "卡片被锁定"],
        "tags": ["信用卡", "信用额度", "账单", "还款", "分期", "积分", "年费", "境外用卡", "征信",
                 "临时额度", "挂失"],
    },
    "loan": {
        "name": "借款与还款",
        "subtopics": ["借款申请", "额度评估", "放款时间", "利率与费用", "提前还款", "逾期处理",
                      "还款计划", "自动扣款", "借款合同", "结清证明", "延期还款", "贷款资质"],
        "nouns": ["借款", "借款额度", "年化利率", "还款计划", "提前还款", "放款", "借款合同", "结清证明",
                  "逾期费用", "还款账户", "自动扣款", "借款期限", "审批结果", "收入证明", "担保方式",
                  "还款提醒", "息费", "剩余本金", "宽限期", "贷款用途", "还款方式", "借据"],
        "verbs": ["申请", "借款", "还款", "提前结清", "查询", "下载", "变更", "签署", "延期", "评估",
                  "提交", "上传", "撤回", "确认", "协商"],
        "problems": ["审批未通过", "放款延迟", "扣款失败", "利息计算有误", "无法提前还款", "出现逾期",
                     "额度被降低", "合同无法下载", "还款后额度未恢复"],
        "tags": ["借款", "还款", "利率", "提前还款", "逾期", "放款", "借款合同", "结清证明", "自动扣款",
                 "额度评估"],
    },
    "security": {
        "name": "安全与隐私",
        "subtopics": ["支付密码", "Face ID 与指纹", "设备管理", "风险提醒", "防诈骗指南", "隐私设置",
                      "数字证书", "U盾与令牌", "异常交易", "账户保护", "权限管理", "安全锁"],
        "nouns": ["支付密码", "Face ID", "Touch ID", "指纹支付", "PIN 码", "数字证书", "U盾", "动态令牌",
                  "登录设备", "安全锁", "风险交易", "隐私权限", "短信验证码", "OTP 动态码", "安全问题",
                  "设备指纹", "位置信息", "授权应用", "交易提醒", "可信设备", "声纹验证", "安全中心"],
        "verbs": ["设置", "修改", "重置", "开启", "关闭", "验证", "管理", "冻结", "解除", "检测", "更新",
                  "撤销", "授权", "锁定", "申诉"],
        "problems": ["验证失败", "提示存在风险", "密码被锁定", "识别不成功", "收到陌生验证码",
                     "发现陌生设备登录", "交易被拦截", "证书已过期", "无法开启"],
        "tags": ["安全", "支付密码", "Face ID", "指纹", "PIN", "防诈骗", "隐私", "数字证书", "风险提醒",
                 "设备管理"],
    },
    "transfer": {
        "name": "转账与到账",
        "subtopics": ["行内转账", "跨行转账", "预约转账", "批量转账", "转账限额", "到账时间",
                      "收款人管理", "转账撤回", "境外汇款", "大额转账", "转账手续费", "转账失败"],
        "nouns": ["转账", "跨行转账", "预约转账", "批量转账", "转账限额", "到账时间", "收款人",
                  "收款账号", "手续费", "汇款用途", "电子回单", "转账记录", "大额转账", "实时到账",
                  "普通到账", "次日到账", "SWIFT 代码", "外汇额度", "转账撤回", "常用收款人", "附言",
                  "开户行"],
        "verbs": ["转账", "汇款", "撤回", "查询", "添加", "删除", "修改", "预约", "确认", "下载", "核对",
                  "提交", "提高", "选择", "取消"],
        "problems": ["转账失败", "对方未收到", "超出单日限额", "收款人信息有误", "被退回", "长时间处理中",
                     "无法撤回", "手续费异常", "提示账户状态异常"],
        "tags": ["转账", "跨行转账", "到账时间", "转账限额", "手续费", "汇款", "收款人", "电子回单",
                 "境外汇款"],
    },
}
DOMAIN_KEYS = list(DOMAINS)

GENERAL_TAGS = ["新手指南", "常见问题", "App", "费用", "客服", "办理进度", "境外", "企业服务",
                "节假日", "政策更新", "操作指引", "限额"]

USER = ["您", "用户", "持卡人", "账户持有人", "客户", "申请人"]
APP = ["App", "手机银行 App", "官方 App", "网上银行", "WeChat 小程序", "官方网站"]
PLACES = ["App 首页", "「我的」页面", "「设置」页面", "安全中心", "服务大厅", "账户管理页面",
          "业务办理页面", "消息中心", "「卡片管理」页面", "客服中心"]
BUTTONS = ["立即办理", "下一步", "确认提交", "查看详情", "开始验证", "申请", "保存", "同意并继续",
           "去设置", "完成"]
CREDENTIALS = ["支付密码", "短信验证码", "登录密码", "Face ID", "指纹", "PIN 码", "动态令牌口令"]
CONDITIONS = ["如果您是首次使用", "在节假日期间", "当系统检测到异常时", "如果账户存在风险",
              "在网络信号较差时", "如果您更换了手机", "在业务高峰时段", "当您的证件即将过期时",
              "如果您在境外", "若您已开通免密支付", "在还款日当天", "若您的账户处于冻结状态",
              "在完成实名认证之后", "如果长时间未操作", "当额度发生变化时"]
TIMES = ["实时", "2 小时内", "24 小时内", "1 至 3 个工作日", "3 至 5 个工作日", "次日", "7 个工作日内",
         "当天", "T+1 日"]
CONNECT = ["此外", "需要注意的是", "一般情况下", "通常", "同时", "另外", "出于安全考虑", "根据相关规定",
           "为保障资金安全", "实际情况中", "在大多数情况下", "请注意"]
RESULTS = ["系统会通过短信通知您", "结果将在消息中心显示", "页面会提示办理成功", "相关记录可在交易明细中查询",
           "客服人员会与您联系", "您会收到一条推送通知", "状态将自动更新", "资金会原路退回"]
REASONS = ["网络连接不稳定", "信息填写有误", "超出当日限额", "账户状态异常", "证件已过期",
           "系统正在维护", "银行卡余额不足", "设备未通过安全检测", "操作过于频繁", "收款方账户受限",
           "验证信息不匹配", "App 版本过低"]
ADVICE = ["更新至最新版本的 App 后重试", "检查网络设置后重新操作", "联系在线客服获取帮助",
          "携带本人有效身份证件前往营业网点办理", "确认信息无误后再次提交", "稍后再试",
          "拨打客服热线咨询", "在安全中心完成身份验证", "等待系统自动处理", "核对预留手机号是否正确"]
AMOUNTS = ["500 元", "1,000 元", "2,000 元", "5,000 元", "10,000 元", "20,000 元", "50,000 元",
           "100,000 元", "200,000 元", "不限"]
FEES = ["免费", "0.1%", "0.5%", "1%", "每笔 2 元", "每笔 5 元", "最低 1 元", "按月收取", "首年免费"]

GENERIC_HEADINGS = ["适用范围", "办理条件", "所需材料", "操作步骤", "注意事项", "常见问题", "费用说明",
                    "处理时效", "安全提示", "相关规则", "到账时间", "常见原因", "解决方法", "联系客服",
                    "办理渠道", "温馨提示", "规则说明", "功能介绍", "使用限制", "问题排查",
                    "在 App 中操作", "通过 WeChat 办理", "境外使用说明", "企业用户说明"]
STEP_HEADINGS = ["操作步骤", "办理流程", "设置方法", "申请步骤", "处理流程"]

CALLOUT_TYPES = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"]
CALLOUT_TEXT = [
    "工作人员不会以任何理由向您索要{cred}，请勿向他人透露。",
    "请勿点击来源不明的链接，也不要在非官方渠道输入{cred}。",
    "{cond}，部分功能可能暂时无法使用，请以页面提示为准。",
    "办理前请确认{noun}信息准确无误，提交后可能无法修改。",
    "如遇{problem}，请先{advice}。",
    "{noun}的处理时间约为{time}，请耐心等待。",
    "为保障资金安全，单笔{noun}金额超过 {amount} 时需要额外验证身份。",
    "本功能仅支持已完成实名认证的用户使用。",
]

SENTENCES = [
    "{user}可以在{app}的{place}中{verb}{noun}。",
    "{cond}，{user}需要先{verb}{noun}，再进行后续操作。",
    "{connect}，{noun}的处理时间一般为{time}。",
    "如果{noun}{problem}，可能是因为{reason}。",
    "遇到{noun}{problem}的情况时，建议您{advice}。",
    "{connect}，{verb}{noun}后{result}。",
    "{noun}与{noun2}相互关联，{verb}前请确认两者信息一致。",
    "为保障资金安全，{verb}{noun}时需要验证{cred}。",
    "{cond}，{noun}可能会受到一定限制。",
    "{user}每日最多可{verb}{noun} {count} 次，超出后需次日再试。",
    "单笔{noun}金额上限为 {amount}，具体以页面显示为准。",
    "{connect}，{noun}一经提交将无法撤销，请谨慎操作。",
    "{verb}{noun}不收取任何费用，但{noun2}可能会产生相应手续费。",
    "系统会在{time}完成{noun}审核，{result}。",
    "如需{verb}{noun2}，请在{place}中选择「{button}」。",
    "{cond}，我们会暂停{noun}相关服务，以保护您的账户安全。",
    "{noun}状态更新后，{user}可以通过{app}随时查看。",
    "若多次{verb}{noun}仍不成功，请{advice}。",
    "{connect}，{noun}的规则可能随监管政策调整，请关注公告。",
    "{user}也可以通过 WeChat 或短信查询{noun}的最新进度。",
    "在{place}中开启{noun2}提醒后，每次变动都会通知您。",
    "{noun}与账户 ID 绑定，更换设备后需要重新{verb}。",
    "部分银行卡暂不支持{verb}{noun}，请以支持列表为准。",
    "{cond}，请优先使用 Face ID 或 PIN 码完成验证。",
    "完成{verb}后，{noun}会在{time}生效。",
    "{connect}，{reason}也会导致{noun}{problem}。",
    "我们建议您定期检查{noun}，发现异常及时{advice}。",
    "{noun}的有效期为 {count} 个月，到期前会提前提醒。",
]

STEP_TEMPLATES = [
    "打开{app}，登录您的账户。",
    "进入{place}，找到「{noun}」入口。",
    "点击「{button}」，阅读并同意相关协议。",
    "按页面提示填写{noun}相关信息。",
    "选择需要{verb}的{noun2}。",
    "输入{cred}完成身份验证。",
    "核对信息无误后，点击「确认提交」。",
    "等待系统处理，{result}。",
    "如需上传材料，请拍摄清晰的证件照片。",
    "返回{place}查看{noun}的办理状态。",
]

TITLE_TEMPLATES = [
    "如何{verb}{noun}",
    "{noun}{problem}怎么办",
    "为什么{noun}{problem}",
    "{noun}常见问题",
    "{verb}{noun}需要多久",
    "在 App 中{verb}{noun}",
    "{noun}的{aspect}",
    "{verb}{noun}有哪些限制",
    "{noun}{problem}的处理方法",
    "关于{noun}的{aspect}",
]
ASPECTS = ["规则说明", "费用标准", "办理流程", "到账时间", "使用说明", "限额规定", "安全须知", "适用范围"]

TABLES = [
    (["业务类型", "单笔限额", "每日限额"], lambda r, d: [r.choice(d["nouns"]), r.choice(AMOUNTS), r.choice(AMOUNTS)]),
    (["办理渠道", "手续费", "处理时效"], lambda r, d: [r.choice(APP), r.choice(FEES), r.choice(TIMES)]),
    (["项目", "说明"], lambda r, d: [r.choice(d["nouns"]), r.choice(RESULTS)]),
    (["常见原因", "处理建议"], lambda r, d: [r.choice(REASONS), r.choice(ADVICE)]),
    (["用户类型", "可办理业务", "验证方式"], lambda r, d: [r.choice(["个人用户", "企业用户", "新用户", "境外用户", "学生用户"]),
                                                  r.choice(d["nouns"]), r.choice(CREDENTIALS)]),
]

TAG_POOL: list[str] = []
for _d in DOMAINS.values():
    for _t in _d["tags"]:
        if _t not in TAG_POOL:
            TAG_POOL.append(_t)
for _t in GENERAL_TAGS:
    if _t not in TAG_POOL:
        TAG_POOL.append(_t)

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def heading_id(text: str) -> str:
    """The id contract: spaces -> '-', ASCII lower-cased, punctuation removed."""
    out = []
    for ch in text:
        if ch == " ":
            out.append("-")
        elif ch in "-_":
            out.append(ch)
        elif unicodedata.category(ch)[0] in "PS":
            continue
        else:
            out.append(ch.lower() if ch.isascii() else ch)
    return "".join(out)


_CJK_LATIN = re.compile(r"([\u4e00-\u9fff])([A-Za-z]{2,}|[0-9])")
_LATIN_CJK = re.compile(r"([A-Za-z]{2,})([\u4e00-\u9fff])")


def space_latin(s: str) -> str:
    """Space between Chinese and Latin words or numbers ("验证Face ID" -> "验证 Face ID"); "U盾" stays."""
    return _LATIN_CJK.sub(r"\1 \2", _CJK_LATIN.sub(r"\1 \2", s))


def yq(s: str) -> str:
    """YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Writer:
    def __init__(self, rng: random.Random, domain: dict):
        self.r = rng
        self.d = domain

    def fill(self, tpl: str) -> str:
        r, d = self.r, self.d
        # mostly on-topic vocabulary, sometimes borrowed from another domain
        if r.random() < 0.8:
            dom = d
        else:
            dom = DOMAINS[r.choice(DOMAIN_KEYS)]
        noun = r.choice(dom["nouns"])
        verb = r.choice(dom["verbs"])
        if verb in noun:  # avoid "转账转账"
            verb = r.choice(dom["verbs"])
        noun2 = r.choice(d["nouns"])
        while noun2 == noun and len(d["nouns"]) > 1:
            noun2 = r.choice(d["nouns"])
        vals = {
            "user": r.choice(USER), "app": r.choice(APP), "place": r.choice(PLACES),
            "verb": verb, "noun": noun, "noun2": noun2,
            "problem": r.choice(dom["problems"]), "cond": r.choice(CONDITIONS),
            "time": r.choice(TIMES), "connect": r.choice(CONNECT), "result": r.choice(RESULTS),
            "reason": r.choice(REASONS), "advice": r.choice(ADVICE), "cred": r.choice(CREDENTIALS),
            "button": r.choice(BUTTONS), "amount": r.choice(AMOUNTS), "count": r.choice([3, 5, 6, 10, 12, 20]),
            "aspect": r.choice(ASPECTS),
        }
        return space_latin(tpl.format(**vals))

    def sentence(self) -> str:
        return self.fill(self.r.choice(SENTENCES))

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.sentence() for _ in range(self.r.randint(lo, hi)))


def fmt_date(dt: datetime, with_time: bool) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S" if with_time else "%Y-%m-%d")


# --------------------------------------------------------------------------------------
# Corpus model
# --------------------------------------------------------------------------------------


class Article:
    __slots__ = ("idx", "sec", "domain", "title", "description", "date", "updated", "tags",
                 "weight", "related", "headings", "rng_seed", "body")

    @property
    def name(self) -> str:
        return f"a{self.idx:05d}.md"

    @property
    def secname(self) -> str:
        return f"s{self.sec:02d}"

    @property
    def path(self) -> str:  # relative to content/
        return f"{self.secname}/{self.name}"


def build_model(n_articles: int, n_sections: int, seed: int):
    r = random.Random(seed)
    sections = []
    used_titles = set()
    for s in range(n_sections):
        dk = DOMAIN_KEYS[s % len(DOMAIN_KEYS)]
        d = DOMAINS[dk]
        sub = d["subtopics"][(s // len(DOMAIN_KEYS)) % len(d["subtopics"])]
        title = f"{d['name']} · {sub}"
        k = 2
        base = title
        while title in used_titles:
            title = f"{base}（{k}）"
            k += 1
        used_titles.add(title)
        w = Writer(r, d)
        sections.append({
            "idx": s, "domain": dk,
            "title": title,
            "description": f"{sub}相关的常见问题与操作指引。" + w.sentence(),
            "weight": s + 1,
            "body": w.paragraph(2, 3),
        })

    start = datetime(2021, 1, 4, 8, 0, 0)
    span = int((datetime(2024, 12, 20) - start).total_seconds())
    articles: list[Article] = []
    for i in range(n_articles):
        a = Article()
        a.idx = i
        a.sec = i * n_sections // n_articles
        a.domain = sections[a.sec]["domain"]
        d = DOMAINS[a.domain]
        w = Writer(r, d)
        a.title = w.fill(r.choice(TITLE_TEMPLATES))
        a.description = w.sentence()
        created = start + timedelta(seconds=r.randrange(span))
        a.date = fmt_date(created, r.random() < 0.5)
        upd = created + timedelta(seconds=r.randrange(0, 400 * 86400))
        a.updated = fmt_date(upd, r.random() < 0.5)
        ntags = r.choice([1, 2, 2, 3, 3, 4])
        tags = []
        while len(tags) < ntags:
            t = r.choice(d["tags"]) if r.random() < 0.75 else r.choice(TAG_POOL)
            if t not in tags:
                tags.append(t)
        a.tags = tags
        a.weight = r.randint(1, 100)
        # headings: 2-5, unique ids, exactly one of them hosts the step list
        nh = r.randint(2, 5)
        hs: list[str] = [r.choice(STEP_HEADINGS)]
        pool = GENERIC_HEADINGS + [f"{n}说明" for n in d["nouns"] if " " not in n][:6] \
            + [f"{p}怎么办" for p in d["problems"]][:4]
        while len(hs) < nh:
            h = r.choice(pool)
            if heading_id(h) not in {heading_id(x) for x in hs}:
                hs.append(h)
        r.shuffle(hs)
        a.headings = hs
        a.related = []
        a.rng_seed = r.getrandbits(64)
        a.body = ""
        articles.append(a)

    # related pins in ~10% of articles
    for a in articles:
        if n_articles > 1 and r.random() < 0.10:
            k = min(r.randint(1, 3), n_articles - 1)
            picks = set()
            while len(picks) < k:
                j = pick_target(r, a, articles, n_sections)
                picks.add(j)
            a.related = [articles[j].path for j in sorted(picks)]
    return sections, articles


def pick_target(r: random.Random, a: Article, articles: list[Article], n_sections: int) -> int:
    n = len(articles)
    while True:
        if r.random() < 0.6:
            # same section: a nearby article
            j = a.idx + r.choice([-1, 1]) * r.randint(1, 30)
            j = max(0, min(n - 1, j))
        else:
            j = r.randrange(n)
        if j != a.idx:
            return j


def rel_link(src: Article, dst: Article) -> str:
    if src.sec == dst.sec:
        return dst.name
    return f"../{dst.secname}/{dst.name}"


def hugo_link(src: Article, dst: Article) -> str:
    # page URLs are /sNN/aNNNNN/ (pretty URLs); relative from the source page's URL
    stem = dst.name[:-3]
    if src.sec == dst.sec:
        return f"../{stem}/"
    return f"../../{dst.secname}/{stem}/"


# ---------------------------------------------------------------- code blocks (--code)
CODE_SNIPPETS = {
    "sql": [
        "SELECT order_id, amount, status\nFROM payments\nWHERE user_id = {n}\n  AND created_at > '2024-0{m}-01'\nORDER BY created_at DESC\nLIMIT {k};",
        "-- 查询近 {k} 天的退款\nSELECT r.id, r.amount, p.channel\nFROM refunds r\nJOIN payments p ON p.id = r.payment_id\nWHERE r.created_at >= NOW() - INTERVAL {k} DAY\n  AND r.status IN ('pending', 'done');",
        "CREATE TABLE card_{n} (\n  id BIGINT PRIMARY KEY AUTO_INCREMENT,\n  holder VARCHAR(64) NOT NULL,\n  last4 CHAR(4),\n  limit_cents INT DEFAULT {n}00,\n  created_at DATETIME DEFAULT CURRENT_TIMESTAMP\n);",
    ],
    "bash": [
        "curl -X POST https://api.example.com/v{m}/transfers \\\n  -H \"Authorization: Bearer $TOKEN\" \\\n  -H \"Content-Type: application/json\" \\\n  -d '{{\"amount\": {n}, \"currency\": \"CNY\"}}'",
        "# 安装并登录命令行工具\nnpm install -g @example/cli@{m}.{k}.0\nexample login --region cn-{k}\nexample accounts list --limit {k} | grep active",
    ],
    "json": [
        "{{\n  \"id\": \"tr_{n}\",\n  \"amount\": {n},\n  \"currency\": \"CNY\",\n  \"status\": \"succeeded\",\n  \"fee\": {k},\n  \"metadata\": {{ \"order\": \"A{n}\", \"retry\": false }},\n  \"created\": 17{n}\n}}",
    ],
    "yaml": [
        "webhook:\n  url: https://shop.example.com/hooks/{n}\n  events:\n    - payment.succeeded\n    - refund.created\n  retries: {k}\n  timeout_seconds: {m}0\n  secret: ${{WEBHOOK_SECRET}}",
    ],
    "js": [
        "import {{ Client }} from '@example/sdk'\n\nconst client = new Client({{ key: process.env.API_KEY, timeout: {m}000 }})\n\nasync function pay(orderId) {{\n  const res = await client.payments.create({{\n    amount: {n},\n    currency: 'CNY',\n    order: orderId,\n  }})\n  if (res.status !== 'succeeded') {{\n    throw new Error(`支付失败：${{res.error}}`)\n  }}\n  return res.id\n}}",
    ],
    "ts": [
        "interface Transfer {{\n  id: string\n  amount: number\n  to: string\n  memo?: string\n}}\n\nexport function total(list: Transfer[]): number {{\n  return list\n    .filter((t) => t.amount > {k})\n    .reduce((sum, t) => sum + t.amount, 0)\n}}",
    ],
    "python": [
        "import hashlib\nimport hmac\n\n\ndef verify(payload: bytes, signature: str, secret: str) -> bool:\n    \"\"\"校验回调签名，防止伪造的通知。\"\"\"\n    digest = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()\n    return hmac.compare_digest(digest, signature)\n\n\nprint(verify(b'{{\"id\": {n}}}', 'ab{k}', 'key'))",
    ],
    "go": [
        "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"time\"\n)\n\nfunc main() {{\n\tc := &http.Client{{Timeout: {m} * time.Second}}\n\tresp, err := c.Get(\"https://api.example.com/v1/balance/{n}\")\n\tif err != nil {{\n\t\tpanic(err)\n\t}}\n\tdefer resp.Body.Close()\n\tfmt.Println(resp.Status)\n}}",
    ],
    "diff": [
        " webhook:\n-  retries: {k}\n+  retries: {m}\n   timeout_seconds: 30\n-  url: http://shop.example.com/hooks\n+  url: https://shop.example.com/hooks/{n}",
    ],
}
CODE_LANGS = ["sql", "sql", "bash", "bash", "json", "yaml", "js", "ts", "python", "go", "diff"]
CODE_LEADS = ["示例如下：", "可以参考下面的代码：", "完整的请求如下：", "配置示例："]


def code_blocks(a: Article) -> list[str]:
    """1-4 code blocks for ~80% of articles, from their own random stream (the prose's stream
    is not touched, so the prose is the same with and without --code)."""
    r = random.Random(a.rng_seed * 7919 + 13)
    if r.random() >= 0.8:
        return []
    out = []
    for _ in range(r.randint(1, 4)):
        lang = r.choice(CODE_LANGS)
        snippet = r.choice(CODE_SNIPPETS[lang]).format(n=r.randint(100, 99999), m=r.randint(1, 9), k=r.randint(2, 30))
        out.append(f"{r.choice(CODE_LEADS)}\n\n```{lang}\n{snippet}\n```")
    return out


def write_body(a: Article, articles: list[Article], n_sections: int, fmt: str, fm_bytes: int, code: bool = False) -> str:
    r = random.Random(a.rng_seed)
    d = DOMAINS[a.domain]
    w = Writer(r, d)
    target = r.randint(MIN_BYTES, MAX_BYTES - 250)

    # links: 1-3, placed into random blocks as sentences
    links = []
    rewrites = []  # helpcenter link -> hugo link; sizes are always measured on the helpcenter text
    for _ in range(r.randint(1, 3)):
        t = articles[pick_target(r, a, articles, n_sections)]
        url, hurl = rel_link(a, t), hugo_link(a, t)
        if r.random() < 0.4:
            frag = "#" + heading_id(r.choice(t.headings))
            url, hurl = url + frag, hurl + frag
        rewrites.append((f"]({url})", f"]({hurl})"))
        tpl = r.choice(["如需了解更多，请参阅[{t}]({u})。", "详细说明见[{t}]({u})。",
                        "相关操作可参考[{t}]({u})中的说明。", "您也可以阅读[{t}]({u})。"])
        links.append(tpl.format(t=t.title, u=url))

    intro = [w.paragraph(1, 2)]
    blocks: list[list[str]] = []   # per heading: list of markdown blocks
    has_table = r.random() < 1 / 3
    has_callout = r.random() < 0.5
    step_h = next(i for i, h in enumerate(a.headings) if h in STEP_HEADINGS)
    for i, h in enumerate(a.headings):
        b = [w.paragraph(1, 2)]
        if i == step_h:
            n = r.randint(3, 7)
            picks = sorted(r.sample(range(len(STEP_TEMPLATES)), n))  # keep the logical order
            tpls = [STEP_TEMPLATES[k] for k in picks]
            b.append("\n".join(f"{k + 1}. {w.fill(t)}" for k, t in enumerate(tpls)))
        blocks.append(b)
    if has_table:
        hdr, rowf = r.choice(TABLES)
        rows = [rowf(r, d) for _ in range(r.randint(2, 5))]
        tbl = ["| " + " | ".join(hdr) + " |", "|" + "|".join(["---"] * len(hdr)) + "|"]
        tbl += ["| " + " | ".join(row) + " |" for row in rows]
        blocks[r.randrange(len(blocks))].append("\n".join(tbl))
    if has_callout:
        typ = r.choice(CALLOUT_TYPES)
        txt = w.fill(r.choice(CALLOUT_TEXT))
        if r.random() < 0.4:
            txt += w.sentence()
        blocks[r.randrange(len(blocks))].insert(1, f"> [!{typ}]\n> {txt}")
    for s in links:
        tgt = r.randrange(len(blocks) + 1)
        if tgt == len(blocks):
            intro[0] += s
        else:
            b = blocks[tgt]
            b[0] += s

    def render() -> str:
        out = ["\n\n".join(intro)]
        for h, b in zip(a.headings, blocks):
            out.append(f"## {h}")
            out.append("\n\n".join(b))
        return "\n" + "\n\n".join(out) + "\n"

    body = render()
    # grow to the target size with extra paragraphs (never past MAX_BYTES)
    while fm_bytes + len(body.encode()) < target:
        p = w.paragraph(1, 3)
        if fm_bytes + len(body.encode()) + len(p.encode()) + 2 > MAX_BYTES:
            p = w.sentence()
            if fm_bytes + len(body.encode()) + len(p.encode()) + 2 > MAX_BYTES:
                break
        i = r.randrange(len(blocks) + 1)
        if i == len(blocks):
            intro.append(p)
        else:
            blocks[i].append(p)
        body = render()
    if fmt == "hugo":
        for hc, hu in rewrites:
            body = body.replace(hc, hu)
    if code:
        body += "".join(f"\n{c}\n" for c in code_blocks(a))
    return body


def front_matter(a: Article, fmt: str) -> str:
    lines = ["---", f"title: {yq(a.title)}", f"description: {yq(a.description)}", f"date: {a.date}"]
    lines.append(f"{'lastmod' if fmt == 'hugo' else 'updated'}: {a.updated}")
    lines.append("tags:")
    lines += [f"  - {yq(t)}" for t in a.tags]
    lines.append(f"weight: {a.weight}")
    if a.related:
        lines.append("pinned:" if fmt == "hugo" else "related:")
        lines += [f"  - {p}" for p in a.related]
    lines.append("---")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# Hugo site skeleton
# --------------------------------------------------------------------------------------

HUGO_TOML = f"""baseURL = "{BASE_URL}"
languageCode = "zh-cn"
title = "{SITE_TITLE}"
hasCJKLanguage = true
disableKinds = ["RSS"]
enableRobotsTXT = false

[taxonomies]
  tag = "tags"

[markup]
  [markup.goldmark.renderer]
    unsafe = false
  [markup.tableOfContents]
    startLevel = 2
    endLevel = 3
    ordered = false

[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "tags"
    weight = 100
  [[related.indices]]
    name = "date"
    weight = 10
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections.ByWeight }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<nav class="breadcrumb"><a href="{{ "/" | relURL }}">首页</a> / <a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></nav>
<article>
<h1>{{ .Title }}</h1>
<p class="meta">发布于 <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>
{{ if ne .Lastmod .Date }} · 更新于 <time>{{ .Lastmod.Format "2006-01-02" }}</time>{{ end }}</p>
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ (printf "/tags/%s/" (. | urlize)) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
<aside class="toc">{{ .TableOfContents }}</aside>
<div class="content">{{ .Content }}</div>
</article>
{{ $pins := slice }}{{ range .Params.pinned }}{{ with site.GetPage (printf "/%s" .) }}{{ $pins = $pins | append . }}{{ end }}{{ end }}
{{ $rel := .Site.RegularPages.Related . | first 5 }}
{{ if or $pins $rel }}<section class="related"><h2>相关文章</h2><ul>
{{ range $pins }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
{{ range $rel }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></section>{{ end }}
<nav class="pager">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<aside class="section-nav"><h2>{{ .CurrentSection.Title }}</h2><ul>
{{ $cur := .RelPermalink }}{{ range .CurrentSection.Pages.ByWeight }}<li{{ if eq .RelPermalink $cur }} class="current"{{ end }}><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></aside>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ .Content }}
<ul class="pages">
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ .Content }}
<ul class="sections">
{{ range site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})
<ul>{{ range first 5 .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></li>{{ end }}
</ul>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>标签：{{ .Title }}</h1>
<ul class="pages">
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>
{{ end }}
""",
}

# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(n_articles: int, n_sections: int, out: str, fmt: str, seed: int, code: bool = False) -> dict:
    sections, articles = build_model(n_articles, n_sections, seed)
    content = os.path.join(out, "content")
    os.makedirs(content)
    if fmt == "hugo":
        write(os.path.join(out, "hugo.toml"), HUGO_TOML)
        for rel, text in LAYOUTS.items():
            p = os.path.join(out, "layouts", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            write(p, text)
    else:
        write(os.path.join(out, "helpcenter.yaml"),
              f"title: {SITE_TITLE}\nlanguage: zh-CN\nbase_url: {BASE_URL}\n")

    hw = Writer(random.Random(seed + 1), DOMAINS["account"])
    write(os.path.join(content, "_index.md"),
          f"---\ntitle: {yq(SITE_TITLE)}\ndescription: {yq('账户、支付、信用卡、借款、安全与转账的常见问题与操作指引。')}\n---\n\n"
          f"欢迎使用{SITE_TITLE}。{hw.paragraph(2, 3)}\n")
    for s in sections:
        d = os.path.join(content, f"s{s['idx']:02d}")
        os.makedirs(d)
        write(os.path.join(d, "_index.md"),
              f"---\ntitle: {yq(s['title'])}\ndescription: {yq(s['description'])}\nweight: {s['weight']}\n---\n\n{s['body']}\n")
    total = 0
    for a in articles:
        fm = front_matter(a, fmt)
        body = write_body(a, articles, n_sections, fmt, len(front_matter(a, "helpcenter").encode()), code)
        text = fm + body
        total += len(text.encode())
        write(os.path.join(content, a.secname, a.name), text)
    return {"articles": n_articles, "sections": n_sections, "bytes": total}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--sections", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=["helpcenter", "hugo"], default="helpcenter")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--force", action="store_true", help="replace OUT if it exists")
    ap.add_argument("--code", action="store_true", help="add fenced code blocks to ~80%% of the articles")
    args = ap.parse_args(argv)
    if not (1 <= args.sections <= 100):
        ap.error("--sections must be 1..100 (section dirs are s00..s99)")
    if args.articles < 2:
        ap.error("--articles must be >= 2 (articles link to other articles)")
    if args.articles < args.sections:
        ap.error("--articles must be >= --sections (every section needs an article)")
    if args.articles > 100000:
        ap.error("--articles must be <= 100000 (article files are a00000..a99999)")
    if os.path.exists(args.out) and os.listdir(args.out):
        if not args.force:
            ap.error(f"{args.out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(args.out)
    os.makedirs(args.out, exist_ok=True)
    st = generate(args.articles, args.sections, args.out, args.format, args.seed, args.code)
    print(f"wrote {st['articles']} articles in {st['sections']} sections "
          f"({st['bytes'] / 1e6:.1f} MB of articles, format {args.format}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
