-- End-to-end: Neovim's own LSP client against `leaflint lsp`. Opens a leaflet, waits for
-- vim.diagnostic, applies a quick fix through the client and checks the buffer. Works on Neovim
-- 0.7 (Debian 12) and later. Writes "ok" or the reason it failed to $LEAFLINT_OUT.
local out = os.getenv('LEAFLINT_OUT')
local function finish(msg)
  local f = io.open(out, 'w')
  f:write(msg)
  f:close()
  vim.cmd(msg == 'ok' and 'qall!' or 'cquit! 1')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('LEAFLINT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({
    name = 'leaflint',
    cmd = { os.getenv('LEAFLINT_BIN'), 'lsp' },
    root_dir = vim.fn.fnamemodify(os.getenv('LEAFLINT_FILE'), ':h'),
    init_options = { debounceMs = 50 },
  })
  assert(client, 'the client did not start')
  vim.lsp.buf_attach_client(buf, client)
  local function shorthand()
    local n = 0
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == 'leaflint' and d.code == 'clinical-shorthand' then n = n + 1 end
    end
    return n
  end
  assert(vim.wait(30000, function() return shorthand() > 0 end, 20), 'no leaflint diagnostics arrived')
  local before = shorthand()
  local d
  for _, x in ipairs(vim.diagnostic.get(buf)) do
    if x.code == 'clinical-shorthand' then d = x break end
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = 0 }, ['end'] = { line = d.lnum, character = 200 } },
    context = { diagnostics = {} },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 20000)
  local action
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.edit and a.title:find('tablets') then action = a end
    end
  end
  assert(action, 'no quick fix writing "tablets" was offered')
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  assert(line:find('Take 2 tablets', 1, true), 'the buffer line is now: ' .. line)
  assert(vim.wait(30000, function() return shorthand() == before - 1 end, 20),
    'the diagnostics did not follow the edit (' .. shorthand() .. ' left)')
end)
finish(ok and 'ok' or tostring(err))
