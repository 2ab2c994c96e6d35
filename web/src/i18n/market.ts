// Adds the texts of the market pages to the interface languages. Every
// component that uses them imports this module, so the texts load with the
// first such page and the home page does not carry them.
import { i18n } from './index'
import vi from './market-vi'
import en from './market-en'

i18n.global.mergeLocaleMessage('vi', vi)
i18n.global.mergeLocaleMessage('en', en)
