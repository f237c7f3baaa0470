{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › 目标跟踪</nav>
<h1>目标跟踪</h1>
<p class="muted">把每年政府工作报告中的量化目标与次年报告回顾和统计公报中的实际数字对照：达成、未达成、未提及（已有当年统计公报或次年政府工作报告，但其中没有谈到这项指标）、待核实（还没有可核对的来源，或实际数字无法与目标比较）或不可评估（没有可核对内容的承诺）。没有数字的承诺（如创建全国文明城市），次年报告回顾明确写明已经完成的，判为达成。判定由程序完成，每条都附依据，以原文为准。</p>
<section class="escalation-form"><h2>层层加码</h2>
<form class="filters-form" action="/genzong/jiama" method="get">
<div class="row">
<label>指标<select name="indicator">{{#INDICATOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/INDICATOR_OPTION}}</select></label>
<label>年份<input name="year" size="4" inputmode="numeric" placeholder="最新"></label>
<button type="submit">查看</button>
</div>
</form>
</section>
<section class="compare-link"><h2>地区对比</h2>
<p>选择两到六个地区，把同一年份同一指标的目标、实际完成数字和完成情况并排对照：<a href="/genzong/duibi.html">地区对比</a>。</p>
</section>
<section class="places"><h2>各地目标完成情况</h2>
{{#LEVEL}}<h3>{{NAME}}</h3><ul class="chips">{{#PLACE}}<li><a href="{{URL}}">{{NAME}}</a><small>{{COUNT}}</small></li>{{/PLACE}}</ul>
{{/LEVEL}}</section>
{{>FOOT}}
