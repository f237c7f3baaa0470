{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › <a href="/genzong/">目标跟踪</a> › <a href="{{SCORECARD_URL}}">{{PLACE}}</a> › 目标变化</nav>
<h1>{{PLACE}} {{YEAR}}年目标与{{YEAR_BEFORE}}年对比</h1>
<p class="muted">同一指标、同一口径（增速、总量、百分点变化）下，本年政府工作报告提出的目标与上年报告的目标逐项对照：新增、不再提出、上调、下调、持平；只比较指标词表中的常见指标，每项取报告中第一次提出的目标。以原文为准。</p>
<p class="filters">年份：{{#YEAR_LINK}}<a class="chip{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}">{{YEAR}}</a>{{/YEAR_LINK}}</p>
<p class="downloads"><a href="{{SCORECARD_URL}}">目标跟踪</a><a href="{{PLACE_URL}}">本地区报告</a><a href="{{JSON_URL}}">JSON</a></p>
{{#EMPTY}}<p class="muted">这两年的报告中没有可以对照的常见指标目标。</p>{{/EMPTY}}
<div class="table-scroll"><table class="data changes">
<thead><tr><th>指标与变化</th><th>{{YEAR_BEFORE}}年目标</th><th>{{YEAR}}年目标</th></tr></thead>
<tbody>{{#ROW}}<tr><td class="indicator">{{INDICATOR}}<span class="muted">（{{MEASURE}}）</span> <span class="change {{CHANGE_KEY}}">{{CHANGE}}</span></td><td class="quote" data-label="{{YEAR_BEFORE}}年">{{#BEFORE}}<a href="{{URL}}">{{TEXT}}</a>{{/BEFORE}}</td><td class="quote" data-label="{{YEAR}}年">{{#AFTER}}<a href="{{URL}}">{{TEXT}}</a>{{/AFTER}}</td></tr>
{{/ROW}}</tbody></table></div>
{{>FOOT}}
