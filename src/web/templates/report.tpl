{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a>{{#CRUMB}} › {{#LINK}}<a href="{{URL}}">{{NAME}}</a>{{/LINK}}{{#HERE}}<span aria-current="page">{{NAME}}</span>{{/HERE}}{{/CRUMB}}</nav>
<article class="report">
<h1>{{HEADING}}</h1>
<dl class="meta">
<dt>类型</dt><dd>{{TYPE}}</dd>
<dt>地区</dt><dd>{{PLACE}}</dd>
<dt>年份</dt><dd>{{YEAR}}年</dd>
{{#DATE}}<dt>日期</dt><dd>{{DATE}}</dd>{{/DATE}}
{{#SPEAKER}}<dt>报告人</dt><dd>{{SPEAKER}}</dd>{{/SPEAKER}}
<dt>量化目标</dt><dd><a href="#mubiao">{{TARGET_COUNT}} 条</a></dd>
{{#SOURCE}}<dt>原文链接</dt><dd class="url"><a href="{{URL}}" rel="nofollow noopener noreferrer">{{URL}}</a></dd>{{/SOURCE}}
{{#SOURCES}}<dt>来源</dt><dd class="sources">本报告有 {{COUNT}} 个来源文本：<ul>{{#ITEM}}<li>{{#LINK}}<a href="{{URL}}">{{/LINK}}{{FORMAT}} {{NAME}}{{#LINK}}</a>{{/LINK}}{{#NOTE}}（{{NOTE}}）{{/NOTE}}</li>{{/ITEM}}</ul>主文本按“有报告日期者优先、其次正文最完整者”选定，列表、检索和目标跟踪只用主文本。</dd>{{/SOURCES}}
</dl>
{{#OTHER_SOURCE}}<p class="notice">本页是同一报告的另一来源文本（{{FORMAT}}），仅供对照；报告的主文本见<a href="{{URL}}">{{TITLE}}</a>。</p>{{/OTHER_SOURCE}}
{{#SAME_YEAR}}<p class="notice">同一地区同一年份另有一篇报告：<a href="{{URL}}">{{TITLE}}</a>（如换届之年的两次报告）。</p>{{/SAME_YEAR}}
{{#RELATED}}<p class="related">同一地区同一年份的{{TYPE}}：<a href="{{URL}}">{{TITLE}}</a></p>{{/RELATED}}
<p class="downloads">下载：<a href="/export/baogao/{{ID}}.txt">全文 TXT</a><a href="/export/baogao/{{ID}}.json">JSON</a><a href="/export/baogao/{{ID}}.csv">目标 CSV</a></p>
{{#TOC}}<nav class="toc" aria-label="目录"><h2>目录</h2><ol>{{#ENTRY}}<li class="level{{LEVEL}}"><a href="#{{ANCHOR}}">{{TEXT}}</a></li>{{/ENTRY}}</ol></nav>{{/TOC}}
<p class="legend"><a class="target" href="#mubiao">量化目标</a> 计划中的量化目标，点击查看目标表 · <mark class="outcome">完成情况</mark> 回顾中的完成数字</p>
<div class="text">
{{#BLOCK}}<p class="{{CLASS}}" id="{{ANCHOR}}">{{#SEG}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#TARGET}}<a class="target" id="m{{N}}" href="#t{{N}}" title="{{TITLE}}">{{TEXT}}</a>{{/TARGET}}{{#OUTCOME}}<mark class="outcome" title="{{TITLE}}">{{TEXT}}</mark>{{/OUTCOME}}{{/SEG}}</p>
{{/BLOCK}}
</div>
<section class="targets" id="mubiao">
<h2>量化目标（{{TARGET_COUNT}} 条）</h2>
{{#PLACE_TRACKING}}<p class="downloads"><a href="{{SCORECARD_URL}}">{{PLACE}}历年目标跟踪</a><a href="{{CHANGES_URL}}">与上年目标对比</a><a href="/genzong/jiama">层层加码</a></p>{{/PLACE_TRACKING}}
{{#NO_TARGETS}}<p class="muted">本文没有提取到量化目标。</p>{{/NO_TARGETS}}
{{#TARGET_TABLE}}<div class="table-scroll"><table class="data">
<thead><tr><th>#</th><th>指标</th><th>目标值</th><th>比较</th><th>力度</th><th>期限</th><th>领域</th><th>原文</th><th>跟踪</th></tr></thead>
<tbody>{{#ROW}}<tr id="t{{N}}"><td><a href="#m{{N}}" title="回到原文">{{N}}</a></td><td>{{INDICATOR}}</td><td class="num">{{VALUE}}</td><td>{{CMP}}</td><td>{{#STRENGTH}}<span class="strength {{KEY}}">{{LABEL}}</span>{{/STRENGTH}}</td><td>{{DEADLINE}}</td><td>{{TOPIC}}</td><td class="quote">{{TEXT}}</td><td>{{#STATUS}}<a class="status {{KEY}}" href="#g{{N}}" title="查看依据">{{LABEL}}</a>{{/STATUS}}</td></tr>
{{/ROW}}</tbody></table></div>
{{#EVIDENCE}}<section class="evidence" id="genzong"><h3>跟踪依据</h3>
<p class="muted"><span class="status met">达成 {{MET}}</span> <span class="status missed">未达成 {{MISSED}}</span> <span class="status partly_met">部分达成 {{PARTLY_MET}}</span> <span class="status not_mentioned">未提及 {{NOT_MENTIONED}}</span> <span class="status unverified">待核实 {{UNVERIFIED}}</span> <span class="status not_assessable">不可评估 {{NOT_ASSESSABLE}}</span> · 实际数字取自当年统计公报或次年政府工作报告的回顾；判定由程序完成，以原文为准。</p>
<ol class="evidence-list">{{#ITEM}}<li id="g{{N}}"><p><a href="#t{{N}}">#{{N}}</a> <span class="status {{KEY}}">{{LABEL}}</span> <q>{{TEXT}}</q>{{#INDICATOR}} · 标准指标：{{INDICATOR}}{{/INDICATOR}}{{#YEAR}} · 判定年份：{{YEAR}}年{{/YEAR}}</p>
{{#RULE}}<p>判定依据：<code>{{TEXT}}</code></p>{{/RULE}}
{{#REASON}}<p class="muted">说明：{{TEXT}}{{#TOLERANCE}} · 容差 {{TOLERANCE}}{{/TOLERANCE}}</p>{{/REASON}}
{{#OUTCOME}}<p>实际：<mark class="outcome">{{TEXT}}</mark>，见{{SOURCE}}<a href="{{URL}}">{{TITLE}}</a>：<q>{{SENTENCE}}</q></p>{{/OUTCOME}}
{{#OVERRIDE}}<p class="override">人工更正（{{TIME}}，{{AUTHOR}}）：{{BEFORE}} → {{AFTER}}，理由：{{REASON}}</p>{{/OVERRIDE}}</li>
{{/ITEM}}</ol></section>{{/EVIDENCE}}{{/TARGET_TABLE}}
{{#OUTCOME_TABLE}}<details class="outcomes"><summary>回顾中的完成情况（{{COUNT}} 条）</summary><div class="table-scroll"><table class="data"><thead><tr><th>指标</th><th>数值</th><th>年份</th><th>原文</th></tr></thead><tbody>{{#ROW}}<tr><td>{{INDICATOR}}</td><td class="num">{{VALUE}}</td><td>{{YEAR}}</td><td class="quote">{{TEXT}}</td></tr>{{/ROW}}</tbody></table></div></details>{{/OUTCOME_TABLE}}
</section>
<p class="disclaimer">本文仅供学习研究参考，不代表本站立场。本站展示的报告并非全部完整，建议到相关地区政府官网查询完整版本；量化目标由程序自动提取，可能有误，以报告原文为准。</p>
<p class="permalink">本文地址：<a href="{{PERMALINK}}" data-permalink>{{PERMALINK}}</a> <button type="button" class="copy" data-copy hidden>复制</button></p>
<script defer src="/static/permalink.js"></script>
<nav class="prevnext">{{#PREV}}<a rel="prev" href="{{URL}}">‹ 上一篇：{{TITLE}}</a>{{/PREV}}{{#NEXT}}<a rel="next" href="{{URL}}">下一篇：{{TITLE}} ›</a>{{/NEXT}}</nav>
</article>
<section class="comments" id="pinglun">
<h2>留言与评论(共有 {{COMMENT_COUNT}} 条评论)</h2>
{{#NOTICE}}<p class="notice">{{TEXT}}</p>{{/NOTICE}}
<ol class="comment-list">{{#COMMENT}}<li><p class="who"><b>{{AUTHOR}}</b> <time>{{TIME}}</time></p><p class="body">{{BODY}}</p></li>{{/COMMENT}}</ol>
{{>PAGER}}
{{#COMMENTS_PAUSED}}<p class="notice">本站数据库暂时只能读取，暂停接受评论，请稍后再来。</p>{{/COMMENTS_PAUSED}}
{{#COMMENT_FORM}}<form method="post" action="/pinglun/{{ID}}" class="comment-form">
{{#FORM_ERROR}}<p class="error form-error" role="alert">{{FORM_ERROR}}</p>{{/FORM_ERROR}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" hidden tabindex="-1" aria-hidden="true">提交评论</button>
<div class="hp" aria-hidden="true"><label>网站<input name="website" tabindex="-1" autocomplete="off"></label></div>
<label>称呼<input name="author" maxlength="{{MAX_AUTHOR}}" value="{{AUTHOR}}" required{{#AUTHOR_INVALID}} aria-invalid="true" aria-describedby="author-error"{{/AUTHOR_INVALID}}{{#AUTHOR_FOCUS}} autofocus{{/AUTHOR_FOCUS}}></label>
{{#AUTHOR_ERROR}}<p class="field-error" id="author-error">{{AUTHOR_ERROR}}</p>{{/AUTHOR_ERROR}}
<label>评论<textarea name="body" maxlength="{{MAX_BODY}}" rows="4" required{{#BODY_INVALID}} aria-invalid="true" aria-describedby="body-error"{{/BODY_INVALID}}{{#BODY_FOCUS}} autofocus{{/BODY_FOCUS}}>{{BODY}}</textarea></label>
{{#BODY_ERROR}}<p class="field-error" id="body-error">{{BODY_ERROR}}</p>{{/BODY_ERROR}}
<div class="captcha"><label>验证码<input name="captcha" maxlength="8" autocomplete="off" required{{#CAPTCHA_INVALID}} aria-invalid="true" aria-describedby="captcha-error"{{/CAPTCHA_INVALID}}{{#CAPTCHA_FOCUS}} autofocus{{/CAPTCHA_FOCUS}}></label><img src="{{CAPTCHA_URL}}" alt="验证码" width="160" height="56"><button type="submit" name="huan" value="1" formnovalidate class="captcha-new" title="看不清？换一张图片">换一张</button></div>
{{#CAPTCHA_ERROR}}<p class="field-error" id="captcha-error">{{CAPTCHA_ERROR}}</p>{{/CAPTCHA_ERROR}}
<button type="submit" class="post">提交评论</button>
<p class="muted">评论经管理员审核后显示；看不清验证码请点“换一张”。评论未通过检查时，已填写的内容会保留。</p>
</form>{{/COMMENT_FORM}}
<script defer src="/static/comments.js"></script>
</section>
{{>FOOT}}
