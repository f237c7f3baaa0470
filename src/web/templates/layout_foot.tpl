{{%AUTOESCAPE context="HTML"}}</main>
<footer class="site">
<div class="wrap">
<p>目标：把各级政府工作报告整理成可检索的公开档案，并提取其中的量化目标。目标由程序自动提取，可能有误，请以报告原文为准。</p>
<p><a href="/shuoming.html">数据说明</a> · <a href="/api/">数据接口</a> · <a href="/feed.atom">订阅（Atom）</a> · <a href="/guanli/denglu">管理员登录</a></p>
</div>
</footer>
{{#CHARTS}}<script src="/static/vendor/echarts.min.js"></script>
<script src="/static/portal.js"></script>{{/CHARTS}}
</body>
</html>
