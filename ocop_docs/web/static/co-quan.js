// An issuing body chosen from the suggestions sets the form's level (Cấp): tỉnh or xã.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (input.name !== "co_quan" || !input.list) return;
  var form = input.form, level = form && form.querySelector("select[name=cap]");
  if (!level) return;
  for (var i = 0; i < input.list.options.length; i++) {
    var option = input.list.options[i];
    if (option.value === input.value && option.dataset.cap) {
      if (level.querySelector("option[value=" + option.dataset.cap + "]")) level.value = option.dataset.cap;
      return;
    }
  }
});
