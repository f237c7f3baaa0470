{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › <a href="/genzong/">目标跟踪</a> › 地区对比</nav>
<h1>{{HEADING}}</h1>
<p class="muted">选择两到六个地区和一个年份，把各地当年政府工作报告中同一指标、同一口径（增速、总量、百分点变化）的目标并排对照，附实际完成数字和完成情况。只比较指标词表中的常见指标，每项取报告中第一次提出的目标（与“与上年目标对比”相同）；判定由程序完成，点击目标或完成情况可查看原文和依据。</p>
<form class="filters-form compare-form" action="/genzong/duibi.html" method="get">
<div class="row places">
{{#PLACE_INPUT}}<span class="place"><label>地区{{N}}<input name="diqu" value="{{VALUE}}" list="compare-places" autocomplete="off"></label>{{#REMOVE}}<a class="remove" href="{{URL}}" title="不再对比{{NAME}}">移除</a>{{/REMOVE}}</span>
{{/PLACE_INPUT}}{{#ADD_INPUT}}<span class="place"><label>添加地区<input name="diqu" list="compare-places" autocomplete="off" placeholder="名称或代码，如 吉安市"></label></span>
{{/ADD_INPUT}}</div>
<div class="row">
<label>年份{{#YEAR_INPUT}}<input name="year" size="4" inputmode="numeric" placeholder="最新">{{/YEAR_INPUT}}{{#YEAR_SELECT}}<select name="year">{{#YEAR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/YEAR_OPTION}}</select>{{/YEAR_SELECT}}</label>
{{#INDICATOR_SELECT}}<label>历年指标<select name="indicator"><option value="">不看历年</option>{{#INDICATOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/INDICATOR_OPTION}}</select></label>{{/INDICATOR_SELECT}}
<button type="submit">对比</button>
</div>
<datalist id="compare-places">{{#PLACE_OPTION}}<option value="{{VALUE}}">{{/PLACE_OPTION}}</datalist>
</form>
{{#NO_PLACES}}<p>在上面输入地区名称或代码（可从列表中选择有报告的地区），再添加一个地区，选择年份后点“对比”。{{#EXAMPLE}}例如：<a href="{{URL}}">{{FIRST}}与{{SECOND}}</a>。{{/EXAMPLE}}也可以从各地的<a href="/genzong/">目标跟踪</a>页进入。</p>{{/NO_PLACES}}
{{#ONE_PLACE}}<p class="notice">请再添加至少一个地区，然后点“对比”。</p>{{/ONE_PLACE}}
{{#NO_TARGETS}}<p class="muted">所选地区的报告中还没有提取到目标。</p>{{/NO_TARGETS}}
{{#YEAR_LINKS}}<p class="filters">年份：{{#YEAR_LINK}}<a class="chip{{#CURRENT}} active{{/CURRENT}}" href="{{URL}}">{{YEAR}}</a>{{/YEAR_LINK}}</p>{{/YEAR_LINKS}}
{{#EMPTY}}<p class="muted">所选地区{{YEAR}}年的报告中都没有可以对照的常见指标目标。</p>{{/EMPTY}}
{{#HISTORY}}<section class="history" id="lishi"><h2>{{INDICATOR}}（{{MEASURE}}）：历年目标与实际</h2>
{{#NO_HISTORY}}<p class="muted">所选地区的报告中都没有这项指标这一口径的目标。</p>{{/NO_HISTORY}}
{{#CHARTS}}<figure class="chart tracking-chart"><figcaption>各地历年目标（实线）与实际（圆点），单位：{{UNIT}}</figcaption><div class="chart-box" data-tracking="places" data-values="{{CHART_JSON}}"></div></figure>
<figure class="chart tracking-chart"><figcaption>{{YEAR}}年各地目标与实际，单位：{{UNIT}}</figcaption><div class="chart-box" data-tracking="places_year" data-values="{{CHART_JSON}}"></div></figure>{{/CHARTS}}
<div class="table-scroll"><table class="data history-table">
<thead><tr><th>年份</th>{{#PLACE_HEAD}}<th>{{NAME}}</th>{{/PLACE_HEAD}}</tr></thead>
<tbody>{{#YEAR_ROW}}<tr><th scope="row">{{YEAR}}</th>{{#CELL}}<td class="num" data-label="{{PLACE}}">{{TARGET}}{{#OUTCOME}}<span class="outcome">实际 {{OUTCOME}}</span>{{/OUTCOME}}</td>{{/CELL}}</tr>
{{/YEAR_ROW}}</tbody></table></div>
<p class="muted">每年取报告中第一次提出的目标；实际为程序从统计公报或次年报告中找到的数字。<a href="{{CLOSE_URL}}">收起历年对比</a></p>
</section>{{/HISTORY}}
{{#TABLE}}<p class="downloads"><a href="{{JSON_URL}}">JSON</a></p>
<div class="table-scroll"><table class="data compare">
<thead><tr><th>指标</th>{{#PLACE_HEAD}}<th><a href="{{URL}}" title="{{NAME}}目标跟踪">{{NAME}}</a></th>{{/PLACE_HEAD}}</tr></thead>
{{#GROUP}}<tbody><tr class="group"><th colspan="{{COLUMNS}}">{{HEADING}}（{{COUNT}} 项）</th></tr>
{{#ROW}}<tr><th scope="row" class="indicator"><a href="{{ESCALATION_URL}}" title="各级对比（层层加码）">{{INDICATOR}}</a><span class="muted">（{{MEASURE}}）</span> <a class="history-link" href="{{HISTORY_URL}}" title="所选地区这项指标的历年目标">历年</a></th>{{#CELL}}<td data-label="{{PLACE}}">{{#TARGET}}<a class="quote" href="{{URL}}" title="查看原文">{{TEXT}}</a>{{#OUTCOME}}<span class="outcome">实际：{{OUTCOME}}</span>{{/OUTCOME}}<a class="status {{KEY}}" href="{{EVIDENCE_URL}}" title="查看依据">{{LABEL}}</a>{{/TARGET}}{{#NONE}}<span class="none">未设目标</span>{{/NONE}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>{{/GROUP}}
</table></div>{{/TABLE}}
{{#HISTORY}}<script defer src="/static/tracking.js"></script>{{/HISTORY}}
{{>FOOT}}
